package io.relayconsole.config;

import java.util.List;

/**
 * The syntax tree of a gcfg file, before any meaning is given to it: sections in file order, each with its
 * entries in file order. Names are as written (case is resolved later against the known settings).
 */
record GcfgDocument(String fileName, List<Section> sections, List<ConfigProblem> syntaxProblems) {

    /** {@code [name]} or {@code [name "subsection"]}; {@code subsection} is null for the first form. */
    record Section(String name, String subsection, int line, List<Entry> entries) {
    }

    /** {@code key = value}; {@code value} is null for a bare {@code key}, which gcfg reads as "true". */
    record Entry(String key, String value, int line) {
    }
}
