package io.relayconsole.offline;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.ItemParser;
import io.relayconsole.model.Json;
import io.relayconsole.model.MalformedDataException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads an ld-relay offline archive ({@code .tar.gz} or {@code .tar}) entirely in memory: nothing is extracted
 * to disk, so no entry name can write anywhere. Refuses, with a message naming the problem, a corrupt or
 * truncated archive, an entry whose name climbs out ({@code ../}) or is absolute, a file that inflates beyond
 * {@link ArchiveLimits}, a wrong or missing checksum, and metadata or data that is not ld-relay's.
 */
public final class ArchiveReader {
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final ArchiveLimits limits;

    public ArchiveReader(ArchiveLimits limits) {
        this.limits = limits;
    }

    public ArchiveReader() {
        this(ArchiveLimits.LD_RELAY);
    }

    public OfflineArchive read(Path archive) throws ArchiveException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
            return read(in, archive.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new ArchiveException(archive + ": no such file", e);
        } catch (IOException e) {
            throw new ArchiveException(archive + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads from a stream that supports mark/reset; {@code name} appears in messages. */
    public OfflineArchive read(InputStream in, String name) throws ArchiveException {
        Map<String, byte[]> files = entries(in, name);
        byte[] expected = files.remove(ArchiveLayout.CHECKSUM);
        if (expected == null) {
            throw new ArchiveException(name + ": no " + ArchiveLayout.CHECKSUM + " in the archive");
        }
        Map<String, byte[]> covered = new LinkedHashMap<>();
        List<String> envIds = new ArrayList<>();
        for (String file : files.keySet()) {
            if (ArchiveLayout.isMeta(file)) {
                String envId = ArchiveLayout.envIdOf(file);
                envIds.add(envId);
                covered.put(file, files.get(file));
                byte[] data = files.get(ArchiveLayout.dataName(envId));
                if (data == null) {
                    throw new ArchiveException(name + ": " + file + " has no " + ArchiveLayout.dataName(envId)
                            + " beside it; the checksum cannot match");
                }
                covered.put(ArchiveLayout.dataName(envId), data);
            }
        }
        byte[] actual = ArchiveLayout.checksum(covered);
        if (!java.util.Arrays.equals(expected, actual)) {
            throw new ArchiveException(name + ": checksum mismatch: " + ArchiveLayout.CHECKSUM + " says "
                    + HexFormat.of().formatHex(expected) + ", the contents give " + HexFormat.of().formatHex(actual)
                    + " (the archive is corrupt or incomplete)");
        }
        if (envIds.isEmpty()) {
            throw new ArchiveException(name + ": no environments ({envId}.json files) in the archive");
        }
        List<ArchiveEnvironment> environments = new ArrayList<>();
        for (String envId : envIds) {
            environments.add(environment(name, envId, files.get(ArchiveLayout.metaName(envId)),
                    files.get(ArchiveLayout.dataName(envId))));
        }
        return OfflineArchive.of(environments);
    }

    private Map<String, byte[]> entries(InputStream raw, String name) throws ArchiveException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try {
            InputStream in = isGzip(raw) ? new GzipCompressorInputStream(raw, true) : raw;
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String entryName = safeName(name, entry.getName());
                if (entryName == null || !entry.isFile()) {
                    continue; // ld-relay takes regular top-level files only
                }
                byte[] contents = bounded(tar, name, entryName, limits.maxTotalBytes() - total);
                total += contents.length;
                files.put(entryName, contents);
            }
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ArchiveException(name + ": corrupt or truncated archive (" + why + ")", e);
        }
        return files;
    }

    /** The name of a top-level entry, null for an entry in a subfolder; refuses names that leave the archive. */
    private static String safeName(String archive, String entryName) throws ArchiveException {
        String normalized = entryName.replace('\\', '/');
        while (normalized.startsWith("./")) {
            normalized = normalized.substring(2);
        }
        for (String part : normalized.split("/")) {
            if (part.equals("..")) {
                throw new ArchiveException(archive + ": refused: entry \"" + entryName + "\" points outside the"
                        + " archive (\"..\" in its name)");
            }
        }
        if (normalized.startsWith("/")) {
            throw new ArchiveException(archive + ": refused: entry \"" + entryName + "\" has an absolute path");
        }
        String trimmed = normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1) : normalized;
        return trimmed.isEmpty() || trimmed.contains("/") ? null : trimmed;
    }

    private byte[] bounded(InputStream in, String archive, String entry, long totalLeft) throws IOException,
            ArchiveException {
        long cap = Math.min(limits.maxEntryBytes(), totalLeft);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            size += n;
            if (size > cap) {
                throw new ArchiveException(archive + ": refused: " + entry + " inflates beyond "
                        + (cap == limits.maxEntryBytes() ? "the limit of " + cap + " bytes per file"
                        : "the archive's limit of " + limits.maxTotalBytes() + " bytes")
                        + " (too large, or a decompression bomb)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == GZIP_MAGIC_1 && b == GZIP_MAGIC_2;
    }

    private static ArchiveEnvironment environment(String archive, String envId, byte[] meta, byte[] data)
            throws ArchiveException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(meta);
        } catch (IOException e) {
            throw new ArchiveException(archive + ": " + ArchiveLayout.metaName(envId) + " is not JSON: "
                    + e.getMessage(), e);
        }
        JsonNode env = root.path("env");
        if (!env.isObject()) {
            throw new ArchiveException(archive + ": " + ArchiveLayout.metaName(envId)
                    + " has no \"env\" object (ld-relay's environment metadata)");
        }
        JsonNode sdkKey = env.path("sdkKey");
        String key = sdkKey.isObject() ? text(sdkKey.path("value")) : text(sdkKey);
        if (key == null) {
            throw new ArchiveException(archive + ": " + ArchiveLayout.metaName(envId) + " has no env.sdkKey.value");
        }
        FullDataSet dataSet;
        try {
            dataSet = ItemParser.parseDataSet(data);
        } catch (MalformedDataException e) {
            throw new ArchiveException(archive + ": " + ArchiveLayout.dataName(envId) + ": " + e.getMessage(), e);
        }
        String id = text(env.path("envID"));
        return new ArchiveEnvironment(id == null ? envId : id, text(env.path("envKey")), text(env.path("envName")),
                text(env.path("projKey")), text(env.path("projName")), key, text(env.path("mobKey")),
                env.path("version").asLong(0), text(root.path("dataId")), dataSet);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
