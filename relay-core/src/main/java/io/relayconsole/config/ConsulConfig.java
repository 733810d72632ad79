package io.relayconsole.config;

import java.time.Duration;

/**
 * The {@code [Consul]} section. {@code host} is the agent address ({@code localhost} by default); at most one
 * of {@code token} and {@code tokenFile} is set.
 */
public record ConsulConfig(String host, String token, String tokenFile, Duration localTtl) implements DatabaseConfig {

    public ConsulConfig {
        localTtl = localTtl == null ? DEFAULT_LOCAL_TTL : localTtl;
    }

    @Override
    public String displayName() {
        return "Consul";
    }

    @Override
    public String toString() {
        return "ConsulConfig{host=" + host + ", token=" + Secrets.maskPassword(token) + ", tokenFile=" + tokenFile
                + ", localTtl=" + localTtl + "}";
    }
}
