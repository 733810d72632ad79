package io.relayconsole.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the git-config style syntax that ld-relay's configuration files use (the Go "gcfg" format), keeping the
 * line of every section and entry so problems can be reported where they are.
 *
 * <p>Written by hand because no small, maintained Java library reads this dialect with line numbers: ini4j is
 * unmaintained and line-blind, INI readers do not understand {@code [Environment "name"]} subsections or
 * quoting, and JGit is far too large for this.
 *
 * <p>Syntax: {@code ;} and {@code #} start comments (outside quotes); {@code [Section]} and
 * {@code [Section "sub"]} headers ({@code \"} and {@code \\} escapes in the subsection); {@code key = value}
 * with surrounding blanks trimmed, inner blanks kept, double-quoted parts taken literally, escapes {@code \"},
 * {@code \\}, {@code \n}, {@code \t}, {@code \b}, and a trailing {@code \} continuing the value on the next
 * line; a bare {@code key} (no {@code =}) means true. A syntax error skips that line only, so one run reports
 * every broken line.
 */
final class GcfgParser {
    private final String fileName;
    private final String[] lines;
    private final List<GcfgDocument.Section> sections = new ArrayList<>();
    private final List<ConfigProblem> problems = new ArrayList<>();
    private List<GcfgDocument.Entry> currentEntries;
    private String currentSectionLabel;
    private int index;

    private GcfgParser(String fileName, String text) {
        this.fileName = fileName;
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.lines = withoutBom.split("\r?\n|\r", -1);
    }

    static GcfgDocument parse(String fileName, String text) {
        GcfgParser parser = new GcfgParser(fileName, text);
        parser.parseAll();
        return new GcfgDocument(fileName, List.copyOf(parser.sections), List.copyOf(parser.problems));
    }

    private void parseAll() {
        for (index = 0; index < lines.length; index++) {
            String line = lines[index];
            int start = skipBlanks(line, 0);
            if (start == line.length() || isCommentStart(line.charAt(start))) {
                continue;
            }
            try {
                if (line.charAt(start) == '[') {
                    parseSectionHeader(line, start);
                } else {
                    parseEntry(line, start);
                }
            } catch (SyntaxError e) {
                problems.add(new ConfigProblem(fileName, e.line, e.key, e.getMessage()));
            }
        }
    }

    private void parseSectionHeader(String line, int start) {
        int lineNumber = index + 1;
        int i = start + 1;
        int nameStart = i;
        while (i < line.length() && isNameChar(line.charAt(i))) {
            i++;
        }
        String name = line.substring(nameStart, i);
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            throw new SyntaxError(lineNumber, null, "invalid section header " + GoDuration.quote(line.trim())
                    + " (expected [Name] or [Name \"subsection\"])");
        }
        i = skipBlanks(line, i);
        String subsection = null;
        if (i < line.length() && line.charAt(i) == '"') {
            StringBuilder sb = new StringBuilder();
            i++;
            while (true) {
                if (i >= line.length()) {
                    throw new SyntaxError(lineNumber, null, "unterminated subsection name in [" + name + " ...]");
                }
                char c = line.charAt(i++);
                if (c == '"') {
                    break;
                }
                if (c == '\\' && i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\\')) {
                    c = line.charAt(i++);
                }
                sb.append(c);
            }
            subsection = sb.toString();
            i = skipBlanks(line, i);
        }
        if (i >= line.length() || line.charAt(i) != ']') {
            throw new SyntaxError(lineNumber, null, "invalid section header " + GoDuration.quote(line.trim())
                    + " (expected [Name] or [Name \"subsection\"])");
        }
        i = skipBlanks(line, i + 1);
        if (i < line.length() && !isCommentStart(line.charAt(i))) {
            throw new SyntaxError(lineNumber, null, "unexpected text after section header: "
                    + GoDuration.quote(line.substring(i).trim()));
        }
        currentEntries = new ArrayList<>();
        currentSectionLabel = subsection == null ? "[" + name + "]" : "[" + name + " \"" + subsection + "\"]";
        sections.add(new GcfgDocument.Section(name, subsection, lineNumber, currentEntries));
    }

    private void parseEntry(String line, int start) {
        int lineNumber = index + 1;
        int i = start;
        while (i < line.length() && isNameChar(line.charAt(i))) {
            i++;
        }
        String key = line.substring(start, i);
        if (key.isEmpty() || !Character.isLetter(key.charAt(0))) {
            throw new SyntaxError(lineNumber, null, "cannot read " + GoDuration.quote(line.trim())
                    + " (expected key = value, a [Section] header or a comment)");
        }
        if (currentEntries == null) {
            throw new SyntaxError(lineNumber, key, "setting outside of any section (add a section header such as"
                    + " [Main] above it)");
        }
        String label = currentSectionLabel + " " + key;
        i = skipBlanks(line, i);
        if (i == line.length() || isCommentStart(line.charAt(i))) {
            currentEntries.add(new GcfgDocument.Entry(key, null, lineNumber));
            return;
        }
        if (line.charAt(i) != '=') {
            throw new SyntaxError(lineNumber, label, "expected '=' after " + GoDuration.quote(key));
        }
        String value = readValue(line, i + 1, lineNumber, label);
        currentEntries.add(new GcfgDocument.Entry(key, value, lineNumber));
    }

    /** Reads a value from {@code from}, following continuation lines; advances {@link #index} past them. */
    private String readValue(String firstLine, int from, int lineNumber, String key) {
        StringBuilder sb = new StringBuilder();
        int keptLength = 0; // length of sb up to the last character that trailing-blank trimming must keep
        boolean inQuotes = false;
        String line = firstLine;
        int i = from;
        while (true) {
            if (i >= line.length()) {
                if (inQuotes) {
                    throw new SyntaxError(lineNumber, key, "unterminated quoted value (missing closing \")");
                }
                break;
            }
            char c = line.charAt(i++);
            if (c == '"') {
                inQuotes = !inQuotes;
                keptLength = sb.length();
            } else if (c == '\\') {
                if (i >= line.length()) {
                    if (index + 1 >= lines.length) {
                        throw new SyntaxError(lineNumber, key, "line continuation '\\' at the end of the file");
                    }
                    line = lines[++index];
                    i = 0;
                    continue;
                }
                char escaped = line.charAt(i++);
                sb.append(switch (escaped) {
                    case '"' -> '"';
                    case '\\' -> '\\';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'b' -> '\b';
                    default -> throw new SyntaxError(lineNumber, key, "invalid escape \\" + escaped
                            + " (use \\\\ for a backslash)");
                });
                keptLength = sb.length();
            } else if (!inQuotes && isCommentStart(c)) {
                break;
            } else if (!inQuotes && isBlank(c)) {
                if (sb.length() > 0) {
                    sb.append(c);
                }
            } else {
                sb.append(c);
                keptLength = sb.length();
            }
        }
        sb.setLength(keptLength);
        return sb.toString();
    }

    private static int skipBlanks(String line, int i) {
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isCommentStart(char c) {
        return c == ';' || c == '#';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    private static final class SyntaxError extends RuntimeException {
        final int line;
        final String key;

        SyntaxError(int line, String key, String message) {
            super(message, null, false, false);
            this.line = line;
            this.key = key;
        }
    }
}
