package io.relayconsole.bigsegments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A batch read as the store writes it: each patch's header first, then its changes in parts of at most
 * {@link PatchParser#PART_SIZE} hashes, whatever order upstream put the fields in.
 */
class PatchParserTest {

    @Test
    void aLargePatchComesInPartsAfterItsHeaderAndTheNextPatchFollows() throws Exception {
        List<String> added = hashes("in-", PatchParser.PART_SIZE * 2 + 3);
        List<String> excluded = hashes("out-", 5);
        String json = "[" + patch("1", "", added, excluded, true) + "," + patch("2", "1", List.of("x"), List.of(), true)
                + "]";
        try (PatchParser parser = PatchParser.of(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                null)) {
            BigSegmentPatch header = parser.nextPatch();
            assertThat(header.segmentId()).isEqualTo("seg.g1");
            assertThat(header.version()).isEqualTo("1");
            assertThat(header.changeCount()).isZero();

            List<BigSegmentPatch> parts = new ArrayList<>();
            PatchParts source = parser.parts();
            for (BigSegmentPatch part = source.next(); part != null; part = source.next()) {
                assertThat(part.changeCount()).isLessThanOrEqualTo(PatchParser.PART_SIZE);
                assertThat(part.version()).isEqualTo("1");
                parts.add(part);
            }
            assertThat(parts).hasSizeGreaterThan(2);
            BigSegmentPatch whole = BigSegmentPatch.joined(header, parts);
            assertThat(whole.includedAdd()).isEqualTo(added);
            assertThat(whole.excludedAdd()).isEqualTo(excluded);
            assertThat(parser.changesRead()).isEqualTo(added.size() + excluded.size());

            BigSegmentPatch second = parser.nextPatch();
            assertThat(second.previousVersion()).isEqualTo("1");
            assertThat(parser.parts().collect(second).includedAdd()).containsExactly("x");
            assertThat(parser.nextPatch()).isNull();
        }
    }

    @Test
    void changesBeforeTheHeaderAreGatheredIntoOnePart() {
        String json = "[" + patch("3", "2", hashes("a-", PatchParser.PART_SIZE + 1), List.of("b"), false) + "]";
        List<BigSegmentPatch> batch = PatchParser.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(batch).hasSize(1);
        assertThat(batch.get(0).version()).isEqualTo("3");
        assertThat(batch.get(0).previousVersion()).isEqualTo("2");
        assertThat(batch.get(0).includedAdd()).hasSize(PatchParser.PART_SIZE + 1);
        assertThat(batch.get(0).excludedAdd()).containsExactly("b");
    }

    @Test
    void aBatchBrokenMidPatchFailsThatPatchOnlyWhereItBreaks() throws Exception {
        String json = "[" + patch("1", "", List.of("a"), List.of(), true) + ","
                + "{\"segmentId\":\"seg.g1\",\"version\":\"2\",\"previousVersion\":\"1\",\"changes\":{\"included\":"
                + "{\"add\":[\"b\",\"c\",42]}}}]";
        try (PatchParser parser = PatchParser.of(json.getBytes(StandardCharsets.UTF_8))) {
            BigSegmentPatch first = parser.nextPatch();
            assertThat(parser.parts().collect(first).includedAdd()).containsExactly("a");
            BigSegmentPatch second = parser.nextPatch();
            assertThat(second.version()).isEqualTo("2");
            assertThatThrownBy(() -> parser.parts().collect(second))
                    .isInstanceOf(PatchParser.MalformedPatchException.class)
                    .hasMessageContaining("expected a string");
            assertThatThrownBy(parser::rethrowReadFailure).isInstanceOf(PatchParser.MalformedPatchException.class);
        }
    }

    private static String patch(String version, String previous, List<String> add, List<String> exclude,
                                boolean headerFirst) {
        String header = "\"segmentId\":\"seg.g1\",\"version\":\"" + version + "\",\"previousVersion\":\"" + previous
                + "\"";
        String changes = "\"changes\":{\"included\":{\"add\":" + array(add) + ",\"remove\":[]},\"unknown\":{\"x\":1},"
                + "\"excluded\":{\"add\":" + array(exclude) + "}}";
        return "{\"environmentId\":\"env\"," + (headerFirst ? header + "," + changes : changes + "," + header)
                + ",\"extra\":[1,2]}";
    }

    private static String array(List<String> items) {
        return items.stream().map(s -> "\"" + s + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]")
                .orElse("[]");
    }

    private static List<String> hashes(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> ContextHash.of(prefix + i)).toList();
    }
}
