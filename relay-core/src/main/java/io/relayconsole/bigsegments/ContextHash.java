package io.relayconsole.bigsegments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The key SDKs look membership up by: standard base64 of the SHA-256 of the context key. */
public final class ContextHash {
    private ContextHash() {
    }

    public static String of(String contextKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(contextKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
