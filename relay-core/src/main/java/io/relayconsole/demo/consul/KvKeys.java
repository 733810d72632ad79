package io.relayconsole.demo.consul;

/**
 * Consul's key checks (agent/kvs_endpoint.go since the CVE-2025-11392 fix): any character is allowed, but a
 * key must not start with {@code /}, contain a path traversal, or start or end with a space. The strict
 * character regex of 1.21.5 alone, which also refused {@code $}, was withdrawn in the next patch releases.
 */
final class KvKeys {
    private KvKeys() {
    }

    /** Null if the key is acceptable, else Consul's reason. */
    static String problem(String key) {
        if (key.startsWith("/")) {
            return "key must not begin with a '/'";
        }
        if (key.contains("../") || key.contains("..\\") || key.equals("..") || key.endsWith("/..")) {
            return "key contains path traversal sequence";
        }
        if (!key.equals(key.strip())) {
            return "key must not begin or end with a space";
        }
        return null;
    }
}
