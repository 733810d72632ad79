package io.relayconsole.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GcfgParserTest {

    private static GcfgDocument parse(String text) {
        return GcfgParser.parse("t.conf", text);
    }

    private static String valueOf(String line) {
        GcfgDocument doc = parse("[Main]\n" + line + "\n");
        assertThat(doc.syntaxProblems()).isEmpty();
        return doc.sections().get(0).entries().get(0).value();
    }

    @Test
    void readsSectionsSubsectionsAndEntriesWithTheirLines() {
        GcfgDocument doc = parse("""
                # comment
                [Main]
                port = 8030

                [Environment "my \\"quoted\\" env"]
                  sdkKey=abc
                """);
        assertThat(doc.syntaxProblems()).isEmpty();
        assertThat(doc.sections()).hasSize(2);
        GcfgDocument.Section main = doc.sections().get(0);
        assertThat(main.name()).isEqualTo("Main");
        assertThat(main.subsection()).isNull();
        assertThat(main.line()).isEqualTo(2);
        assertThat(main.entries()).containsExactly(new GcfgDocument.Entry("port", "8030", 3));
        GcfgDocument.Section env = doc.sections().get(1);
        assertThat(env.subsection()).isEqualTo("my \"quoted\" env");
        assertThat(env.line()).isEqualTo(5);
        assertThat(env.entries()).containsExactly(new GcfgDocument.Entry("sdkKey", "abc", 6));
    }

    @Test
    void trimsOuterBlanksAndKeepsInnerOnes() {
        assertThat(valueOf("k =   a  b   ")).isEqualTo("a  b");
    }

    @Test
    void quotedPartsAreLiteralIncludingCommentCharactersAndBlanks() {
        assertThat(valueOf("k = \"  a;b#c  \"")).isEqualTo("  a;b#c  ");
        assertThat(valueOf("k = pre\" mid \"post")).isEqualTo("pre mid post");
        assertThat(valueOf("k = \"\"")).isEmpty();
    }

    @Test
    void escapesAreDecoded() {
        assertThat(valueOf("k = \"a\\\"b\\\\c\\td\\ne\"")).isEqualTo("a\"b\\c\td\ne");
    }

    @Test
    void commentsEndUnquotedValues() {
        assertThat(valueOf("k = value ; trailing comment")).isEqualTo("value");
        assertThat(valueOf("k = value# trailing comment")).isEqualTo("value");
    }

    @Test
    void aBackslashAtTheEndContinuesTheValue() {
        GcfgDocument doc = parse("[Main]\nk = one \\\n  two\nother = x\n");
        assertThat(doc.syntaxProblems()).isEmpty();
        assertThat(doc.sections().get(0).entries()).containsExactly(
                new GcfgDocument.Entry("k", "one   two", 2), new GcfgDocument.Entry("other", "x", 4));
    }

    @Test
    void aBareKeyHasNoValue() {
        GcfgDocument doc = parse("[Main]\nexitOnError\nk =\n");
        assertThat(doc.sections().get(0).entries()).containsExactly(
                new GcfgDocument.Entry("exitOnError", null, 2), new GcfgDocument.Entry("k", "", 3));
    }

    @Test
    void acceptsWindowsLineEndingsAndAByteOrderMark() {
        GcfgDocument doc = parse("\uFEFF[Main]\r\nport = 1\r\n");
        assertThat(doc.syntaxProblems()).isEmpty();
        assertThat(doc.sections().get(0).entries()).containsExactly(new GcfgDocument.Entry("port", "1", 2));
    }

    @Test
    void reportsEverySyntaxErrorWithItsLineAndKeepsGoing() {
        GcfgDocument doc = parse("""
                orphan = 1
                [Main
                [Main]
                k = "unterminated
                j = bad\\qescape
                what is this
                good = yes
                [Environment "x"] trailing
                """);
        List<String> described = doc.syntaxProblems().stream().map(ConfigProblem::describe).toList();
        assertThat(described).containsExactly(
                "t.conf:1: orphan: setting outside of any section (add a section header such as [Main] above it)",
                "t.conf:2: invalid section header \"[Main\" (expected [Name] or [Name \"subsection\"])",
                "t.conf:4: [Main] k: unterminated quoted value (missing closing \")",
                "t.conf:5: [Main] j: invalid escape \\q (use \\\\ for a backslash)",
                "t.conf:6: [Main] what: expected '=' after \"what\"",
                "t.conf:8: unexpected text after section header: \"trailing\"");
        assertThat(doc.sections().get(0).entries()).containsExactly(new GcfgDocument.Entry("good", "yes", 7));
    }
}
