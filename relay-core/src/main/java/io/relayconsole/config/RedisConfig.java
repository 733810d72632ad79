package io.relayconsole.config;

import java.net.URI;
import java.time.Duration;

/**
 * The {@code [Redis]} section. {@code url} is always set: ld-relay's {@code host}/{@code port} form is normalized
 * into {@code redis://host:port}, and {@code tls} turns {@code redis://} into {@code rediss://}.
 * Beyond ld-relay: {@code sentinelMasterId} (key {@code sentinelMasterId}, variable {@code REDIS_SENTINEL_MASTER})
 * makes {@code url} name a Sentinel and this the monitored master; {@code cluster} (key {@code cluster}, variable
 * {@code REDIS_CLUSTER}) makes {@code url} a seed node of a Redis Cluster. Null strings mean unset.
 */
public record RedisConfig(URI url, boolean tls, String username, String password, Duration localTtl,
                          String sentinelMasterId, boolean cluster) implements DatabaseConfig {

    public static final URI DEFAULT_URL = URI.create("redis://localhost:6379");

    public RedisConfig {
        localTtl = localTtl == null ? DEFAULT_LOCAL_TTL : localTtl;
    }

    public static RedisConfig of(URI url) {
        return new RedisConfig(url, "rediss".equals(url.getScheme()), null, null, DEFAULT_LOCAL_TTL, null, false);
    }

    @Override
    public String displayName() {
        return "Redis";
    }

    @Override
    public String toString() {
        return "RedisConfig{url=" + Secrets.maskUriCredentials(url) + ", tls=" + tls + ", username=" + username
                + ", password=" + Secrets.maskPassword(password) + ", localTtl=" + localTtl
                + (sentinelMasterId == null ? "" : ", sentinelMasterId=" + sentinelMasterId)
                + (cluster ? ", cluster" : "") + "}";
    }
}
