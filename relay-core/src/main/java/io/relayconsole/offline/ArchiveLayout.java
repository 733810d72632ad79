package io.relayconsole.offline;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * ld-relay's archive layout (v8.10 {@code internal/filedata}): {@code {envId}.json} metadata,
 * {@code {envId}-data.json} SDK data, and {@code checksum.md5}, the raw 16-byte MD5 of every other file's
 * contents concatenated in byte-wise sorted name order.
 */
final class ArchiveLayout {
    static final String CHECKSUM = "checksum.md5";
    static final String DATA_SUFFIX = "-data.json";
    static final String META_SUFFIX = ".json";

    private ArchiveLayout() {
    }

    static String metaName(String envId) {
        return envId + META_SUFFIX;
    }

    static String dataName(String envId) {
        return envId + DATA_SUFFIX;
    }

    static boolean isMeta(String name) {
        return name.endsWith(META_SUFFIX) && !name.endsWith(DATA_SUFFIX);
    }

    static String envIdOf(String metaName) {
        return metaName.substring(0, metaName.length() - META_SUFFIX.length());
    }

    /** The checksum over the given files (names → contents); the names are sorted byte-wise (ASCII) here. */
    static byte[] checksum(Map<String, byte[]> files) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
        for (byte[] contents : new TreeMap<>(files).values()) {
            md5.update(contents);
        }
        return md5.digest();
    }
}
