package io.relayconsole.store.consul;

import io.relayconsole.config.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Consul and where in its KV tree an environment lives. Immutable; build with {@link #builder()}.
 * The ACL token is sent as the {@code X-Consul-Token} header (never in a URL, so it cannot end up in an error
 * message) and is masked in {@link #toString()}.
 */
public final class ConsulStoreOptions {
    public static final String DEFAULT_URL = "http://localhost:8500";
    public static final String DEFAULT_PREFIX = "launchdarkly";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final URI url;
    private final String prefix;
    private final String aclToken;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    private ConsulStoreOptions(Builder b) {
        this.url = b.url;
        this.prefix = b.prefix;
        this.aclToken = b.aclToken;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The agent's HTTP address, e.g. {@code http://localhost:8500}. */
    public URI url() {
        return url;
    }

    /** The key prefix of the environment; never empty ({@value #DEFAULT_PREFIX} when none was given). */
    public String prefix() {
        return prefix;
    }

    /** The ACL token, or null when ACLs are not used. */
    public String aclToken() {
        return aclToken;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Longest wait for one request's answer (read and write); a store outage is reported after at most this. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The URL without any user info, for logs and {@code /status}. */
    public String displayUrl() {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    public Builder toBuilder() {
        return new Builder().url(url.toString()).prefix(prefix).aclToken(aclToken)
                .connectTimeout(connectTimeout).requestTimeout(requestTimeout);
    }

    @Override
    public String toString() {
        return "ConsulStoreOptions{url=" + displayUrl() + ", prefix=" + prefix
                + ", aclToken=" + (aclToken == null ? "none" : Secrets.mask(aclToken))
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "}";
    }

    public static final class Builder {
        private URI url = URI.create(DEFAULT_URL);
        private String prefix = DEFAULT_PREFIX;
        private String aclToken;
        private Duration connectTimeout = DEFAULT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_TIMEOUT;

        private Builder() {
        }

        /** An http or https URL of a Consul agent; throws IllegalArgumentException for anything else. */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            URI parsed;
            try {
                parsed = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Consul URL is not a valid URL: " + url, e);
            }
            if (parsed.getScheme() == null || parsed.getHost() == null
                    || !(parsed.getScheme().equalsIgnoreCase("http") || parsed.getScheme().equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("Consul URL must look like http://host:8500, got: " + url);
            }
            this.url = parsed;
            return this;
        }

        /** Null, empty or blank means {@value #DEFAULT_PREFIX}; a trailing {@code /} is dropped (the store adds it). */
        public Builder prefix(String prefix) {
            String p = prefix == null ? "" : prefix.trim();
            while (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            if (p.startsWith("/")) {
                throw new IllegalArgumentException("Consul prefix must not start with '/': " + prefix);
            }
            this.prefix = p.isEmpty() ? DEFAULT_PREFIX : p;
            return this;
        }

        /** Null or blank means no token. */
        public Builder aclToken(String token) {
            this.aclToken = token == null || token.isBlank() ? null : token.trim();
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        public ConsulStoreOptions build() {
            return new ConsulStoreOptions(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
