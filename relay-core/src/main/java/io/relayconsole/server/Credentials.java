package io.relayconsole.server;

/** Reads the SDK key from {@code Authorization}: the raw key, or {@code api_key <key>}. */
final class Credentials {
    private static final String API_KEY_PREFIX = "api_key ";

    private Credentials() {
    }

    /** The key, or null when the header is missing, empty, or not a single token. */
    static String sdkKey(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.regionMatches(true, 0, API_KEY_PREFIX, 0, API_KEY_PREFIX.length())) {
            value = value.substring(API_KEY_PREFIX.length()).trim();
        }
        if (value.isEmpty() || value.indexOf(' ') >= 0 || value.indexOf('\t') >= 0) {
            return null;
        }
        return value;
    }
}
