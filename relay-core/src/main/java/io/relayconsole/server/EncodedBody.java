package io.relayconsole.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A response body serialized once per data version: the plain bytes, the gzip bytes (compressed on first
 * demand, then shared), and the entity tag that identifies this content for conditional requests.
 */
final class EncodedBody {
    private final SharedBytes plain;
    private final String etag;
    private volatile SharedBytes gzip;

    private EncodedBody(SharedBytes plain, String etag) {
        this.plain = plain;
        this.etag = etag;
    }

    /** A body whose ETag is derived from its own content. */
    static EncodedBody of(byte[] json) {
        return new EncodedBody(SharedBytes.of(json), "\"" + sha1Hex(json).substring(0, 20) + "\"");
    }

    /** A body with an ETag chosen by the caller (the PHP endpoints' {@code relay-...} tags). */
    static EncodedBody withEtag(byte[] json, String etag) {
        return new EncodedBody(SharedBytes.of(json), etag);
    }

    SharedBytes plain() {
        return plain;
    }

    SharedBytes gzip() {
        SharedBytes g = gzip;
        if (g == null) {
            synchronized (this) {
                g = gzip;
                if (g == null) {
                    g = SharedBytes.of(compress(plain.toArray()));
                    gzip = g;
                }
            }
        }
        return g;
    }

    String etag() {
        return etag;
    }

    static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java runtime", e);
        }
    }

    private static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return out.toByteArray();
    }
}
