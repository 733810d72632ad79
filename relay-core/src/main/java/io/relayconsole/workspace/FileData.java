package io.relayconsole.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contents of one file in the LaunchDarkly SDKs' file-data format: full {@code flags}, {@code flagValues}
 * (key → value shorthand) and {@code segments}, each by key, in file order. Items are JSON trees; versions are
 * whatever the file says (the SDKs' file data sources ignore them).
 */
public record FileData(Map<String, ObjectNode> flags, Map<String, JsonNode> flagValues,
                       Map<String, ObjectNode> segments) {

    public FileData {
        flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        flagValues = Collections.unmodifiableMap(new LinkedHashMap<>(flagValues));
        segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
    }

    public static FileData empty() {
        return new FileData(Map.of(), Map.of(), Map.of());
    }

    /**
     * Every flag as a full flag: {@code flagValues} entries expanded as the SDKs expand them (on, one variation,
     * fallthrough to it), full {@code flags} as they are.
     */
    public Map<String, ObjectNode> allFlags() {
        Map<String, ObjectNode> all = new LinkedHashMap<>();
        flags.forEach((key, flag) -> all.put(key, flag.deepCopy()));
        flagValues.forEach((key, value) -> all.put(key, Shorthand.expand(key, value)));
        return all;
    }
}
