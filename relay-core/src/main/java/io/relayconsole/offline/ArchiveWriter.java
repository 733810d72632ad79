package io.relayconsole.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.Json;
import io.relayconsole.model.PayloadWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes environments as an ld-relay offline archive ({@code .tar.gz}) in the layout ld-relay itself loads:
 * {@code {envId}.json}, {@code {envId}-data.json}, {@code checksum.md5}. The {@code dataId} is derived from the
 * data, so writing unchanged data again gives the same {@code dataId} and a watching relay skips the reload.
 */
public final class ArchiveWriter {
    private ArchiveWriter() {
    }

    /** The archive's bytes; {@code dataId} and {@code version} of each environment are filled in when absent. */
    public static byte[] write(List<ArchiveEnvironment> environments) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ArchiveEnvironment env : environments) {
            byte[] data = PayloadWriter.dataSet(env.data());
            files.put(ArchiveLayout.dataName(env.envId()), data);
            files.put(ArchiveLayout.metaName(env.envId()), metadata(env, data));
        }
        byte[] checksum = ArchiveLayout.checksum(files);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                add(tar, file.getKey(), file.getValue());
            }
            add(tar, ArchiveLayout.CHECKSUM, checksum);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an archive in memory", e);
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] contents) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(contents.length);
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        tar.write(contents);
        tar.closeArchiveEntry();
    }

    /** ld-relay's {@code {"env": EnvironmentRep, "dataId": "…"}}. */
    private static byte[] metadata(ArchiveEnvironment env, byte[] data) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode rep = root.putObject("env");
        rep.put("envID", env.envId());
        rep.put("envKey", env.envKey() == null ? env.envId() : env.envKey());
        rep.put("envName", env.envName() == null ? env.envId() : env.envName());
        if (env.mobileKey() != null) {
            rep.put("mobKey", env.mobileKey());
        }
        rep.put("projKey", env.projKey() == null ? "default" : env.projKey());
        rep.put("projName", env.projName() == null ? "Default" : env.projName());
        rep.putObject("sdkKey").put("value", env.sdkKey());
        rep.put("defaultTtl", 0);
        rep.put("secureMode", false);
        rep.put("version", env.version() > 0 ? env.version() : 1);
        root.put("dataId", env.dataId() != null ? env.dataId() : md5Hex(data));
        try {
            return Json.mapper().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
