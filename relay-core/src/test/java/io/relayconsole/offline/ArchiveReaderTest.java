package io.relayconsole.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.ItemParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ld-relay's archive layout, both ways, and every bad archive refused with a message that says why. */
class ArchiveReaderTest {
    private static final byte[] DATA = ("{\"flags\":{\"f\":{\"key\":\"f\",\"version\":3,\"on\":true,"
            + "\"variations\":[1,2],\"fallthrough\":{\"variation\":1}}},\"segments\":{}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] META = ("{\"env\":{\"envID\":\"abc123\",\"envKey\":\"production\",\"envName\":\"Production\","
            + "\"projKey\":\"shop\",\"projName\":\"Shop\",\"mobKey\":\"mob-1\",\"sdkKey\":{\"value\":\"sdk-1\"},"
            + "\"version\":2},\"dataId\":\"d1\"}").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void readsLdRelaysLayoutWithItsChecksum() throws Exception {
        Path archive = write("a.tar.gz", true, Map.of("abc123.json", META, "abc123-data.json", DATA),
                checksum(DATA, META));

        OfflineArchive read = new ArchiveReader().read(archive);

        ArchiveEnvironment env = read.environment("abc123").orElseThrow();
        assertThat(env.sdkKey()).isEqualTo("sdk-1");
        assertThat(env.mobileKey()).isEqualTo("mob-1");
        assertThat(env.displayName()).isEqualTo("Shop / Production");
        assertThat(env.dataId()).isEqualTo("d1");
        assertThat(env.data().flags().get("f").version()).isEqualTo(3);
    }

    @Test
    void aPlainTarIsReadToo() throws Exception {
        Path archive = write("a.tar", false, Map.of("abc123.json", META, "abc123-data.json", DATA), checksum(DATA, META));
        assertThat(new ArchiveReader().read(archive).environments()).containsKey("abc123");
    }

    @Test
    void whatTheWriterWritesTheReaderReadsWithTheSameChecksumRule() throws Exception {
        FullDataSet data = ItemParser.parseDataSet(DATA);
        byte[] bytes = ArchiveWriter.write(List.of(new ArchiveEnvironment("env1", null, "Dev", null, null, "sdk-x",
                null, 1, null, data)));
        Path archive = Files.write(dir.resolve("w.tar.gz"), bytes);

        ArchiveEnvironment env = new ArchiveReader().read(archive).environment("env1").orElseThrow();
        assertThat(env.sdkKey()).isEqualTo("sdk-x");
        assertThat(env.data().flags().values()).extracting(Item::key).containsExactly("f");
        assertThat(env.dataId()).as("derived from the data").hasSize(32);
        byte[] again = ArchiveWriter.write(List.of(new ArchiveEnvironment("env1", null, "Dev", null, null, "sdk-x",
                null, 1, null, data)));
        assertThat(new ArchiveReader().read(Files.write(dir.resolve("w2.tar.gz"), again)).environment("env1")
                .orElseThrow().dataId()).as("same data, same dataId").isEqualTo(env.dataId());
    }

    @Test
    void aWrongChecksumIsRefused() throws Exception {
        byte[] wrong = checksum(DATA, META);
        wrong[0] ^= 1;
        Path archive = write("a.tar.gz", true, Map.of("abc123.json", META, "abc123-data.json", DATA), wrong);
        assertThatThrownBy(() -> new ArchiveReader().read(archive)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("a.tar.gz: checksum mismatch");
    }

    @Test
    void aMissingChecksumOrDataFileIsRefused() throws Exception {
        Path noChecksum = write("n.tar.gz", true, Map.of("abc123.json", META, "abc123-data.json", DATA), null);
        assertThatThrownBy(() -> new ArchiveReader().read(noChecksum)).hasMessageContaining("no checksum.md5");
        Path noData = write("d.tar.gz", true, Map.of("abc123.json", META), checksum(META));
        assertThatThrownBy(() -> new ArchiveReader().read(noData))
                .hasMessageContaining("abc123.json has no abc123-data.json beside it");
    }

    @Test
    void aTruncatedGzipIsRefused() throws Exception {
        Path good = write("a.tar.gz", true, Map.of("abc123.json", META, "abc123-data.json", DATA), checksum(DATA, META));
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.tar.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> new ArchiveReader().read(cut)).isInstanceOf(ArchiveException.class)
                .hasMessageStartingWith("cut.tar.gz: ");
    }

    @Test
    void anEntryClimbingOutOfTheArchiveIsRefusedAndNothingIsWritten() throws Exception {
        Path archive = write("evil.tar.gz", true, Map.of("../escaped.json", META, "abc123-data.json", DATA),
                checksum(DATA, META));
        assertThatThrownBy(() -> new ArchiveReader().read(archive))
                .hasMessage("evil.tar.gz: refused: entry \"../escaped.json\" points outside the archive (\"..\" in its name)");
        assertThat(dir.getParent().resolve("escaped.json")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(archive);
        }
    }

    @Test
    void aDecompressionBombIsRefusedBeforeItFillsMemory() throws Exception {
        byte[] zeros = new byte[8 * 1024 * 1024]; // compresses to a few KB
        Path bomb = write("bomb.tar.gz", true, Map.of("abc123.json", META, "abc123-data.json", zeros),
                checksum(zeros, META));
        assertThat(Files.size(bomb)).isLessThan(100_000);
        assertThatThrownBy(() -> new ArchiveReader(new ArchiveLimits(1024 * 1024, 4L * 1024 * 1024)).read(bomb))
                .hasMessage("bomb.tar.gz: refused: abc123-data.json inflates beyond the limit of 1048576 bytes per file"
                        + " (too large, or a decompression bomb)");
    }

    private Path write(String name, boolean gzip, Map<String, byte[]> files, byte[] checksum) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip ? new GzipCompressorOutputStream(bytes) : bytes)) {
            for (Map.Entry<String, byte[]> f : new java.util.TreeMap<>(files).entrySet()) {
                add(tar, f.getKey(), f.getValue());
            }
            if (checksum != null) {
                add(tar, "checksum.md5", checksum);
            }
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] contents) throws Exception {
        TarArchiveEntry entry = new TarArchiveEntry(name, true); // preserve the name as given, "../" included
        entry.setSize(contents.length);
        tar.putArchiveEntry(entry);
        tar.write(contents);
        tar.closeArchiveEntry();
    }

    /** MD5 of the contents in the order given (the test lists them in ld-relay's sorted-name order). */
    private static byte[] checksum(byte[]... contents) throws Exception {
        var md5 = java.security.MessageDigest.getInstance("MD5");
        for (byte[] c : contents) {
            md5.update(c);
        }
        return md5.digest();
    }
}
