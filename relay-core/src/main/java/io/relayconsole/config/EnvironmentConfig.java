package io.relayconsole.config;

import java.time.Duration;
import java.util.List;

/**
 * One {@code [Environment "name"]} section. Optional strings are null when unset; lists are never null.
 * {@code ttl} is the HTTP cache time of the PHP endpoints (zero when unset).
 */
public record EnvironmentConfig(
        String name,
        String sdkKey,
        String mobileKey,
        String envId,
        String prefix,
        String tableName,
        List<String> allowedOrigin,
        List<String> allowedHeader,
        boolean secureMode,
        String logLevel,
        Duration ttl,
        String projKey) {

    public EnvironmentConfig {
        allowedOrigin = allowedOrigin == null ? List.of() : List.copyOf(allowedOrigin);
        allowedHeader = allowedHeader == null ? List.of() : List.copyOf(allowedHeader);
        ttl = ttl == null ? Duration.ZERO : ttl;
    }

    /** An environment with just a name and an SDK key, everything else default. */
    public static EnvironmentConfig of(String name, String sdkKey) {
        return new EnvironmentConfig(name, sdkKey, null, null, null, null, List.of(), List.of(), false, null,
                Duration.ZERO, null);
    }

    @Override
    public String toString() {
        // Keys never reach a log line in clear.
        return "EnvironmentConfig{" + name + ", sdkKey=" + Secrets.mask(sdkKey) + "}";
    }
}
