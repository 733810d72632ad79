package io.relayconsole.store.dynamodb;

import io.relayconsole.config.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one DynamoDB table and which part of it an environment owns. Immutable; build it with
 * {@link #builder(String)}.
 *
 * <p>Region and credentials come from the AWS default chains (environment, system properties, shared config
 * files, and on AWS the instance or container role) unless set here. With an {@link Builder#endpoint endpoint
 * override} (a local DynamoDB-compatible server) two fallbacks apply, because such servers ignore both:
 * the region, if no environment variable, system property or profile names one, is {@code us-east-1}; and
 * when no credentials are configured here, static dummy credentials are sent instead of consulting the
 * default chain. Give credentials explicitly if the overridden endpoint is a real AWS endpoint.
 */
public final class DynamoDbStoreOptions {
    /** Total time for one operation, retries included: short, so an outage is reported at once. */
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(3);
    /** Time for one HTTP attempt within an operation. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** Retries after the first attempt; throttling and a dropped keep-alive connection deserve one more try. */
    public static final int DEFAULT_MAX_RETRIES = 2;

    private final String tableName;
    private final String prefix;
    private final URI endpoint;
    private final String region;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final Duration apiCallTimeout;
    private final Duration attemptTimeout;
    private final Duration connectTimeout;
    private final int maxRetries;

    private DynamoDbStoreOptions(Builder b) {
        this.tableName = b.tableName;
        this.prefix = b.prefix;
        this.endpoint = b.endpoint;
        this.region = b.region;
        this.accessKeyId = b.accessKeyId;
        this.secretAccessKey = b.secretAccessKey;
        this.apiCallTimeout = b.apiCallTimeout;
        this.attemptTimeout = b.attemptTimeout;
        this.connectTimeout = b.connectTimeout;
        this.maxRetries = b.maxRetries;
    }

    public static Builder builder(String tableName) {
        return new Builder(tableName);
    }

    public Builder toBuilder() {
        Builder b = new Builder(tableName);
        b.prefix = prefix;
        b.endpoint = endpoint;
        b.region = region;
        b.accessKeyId = accessKeyId;
        b.secretAccessKey = secretAccessKey;
        b.apiCallTimeout = apiCallTimeout;
        b.attemptTimeout = attemptTimeout;
        b.connectTimeout = connectTimeout;
        b.maxRetries = maxRetries;
        return b;
    }

    public String tableName() {
        return tableName;
    }

    /** The environment's prefix, or null for none (the default of every LaunchDarkly DynamoDB integration). */
    public String prefix() {
        return prefix;
    }

    /** The endpoint override, or null for the AWS endpoint of the region. */
    public URI endpoint() {
        return endpoint;
    }

    /** The configured region, or null to use the default chain. */
    public String region() {
        return region;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String secretAccessKey() {
        return secretAccessKey;
    }

    public boolean hasCredentials() {
        return accessKeyId != null;
    }

    public Duration apiCallTimeout() {
        return apiCallTimeout;
    }

    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public int maxRetries() {
        return maxRetries;
    }

    @Override
    public String toString() {
        return "DynamoDbStoreOptions{table=" + tableName
                + (prefix != null ? ", prefix=" + prefix : "")
                + (endpoint != null ? ", endpoint=" + endpoint : "")
                + (region != null ? ", region=" + region : "")
                + (accessKeyId != null ? ", accessKeyId=" + Secrets.mask(accessKeyId) + ", secretAccessKey=***" : "")
                + ", apiCallTimeout=" + apiCallTimeout + ", attemptTimeout=" + attemptTimeout
                + ", connectTimeout=" + connectTimeout + ", maxRetries=" + maxRetries + "}";
    }

    public static final class Builder {
        private final String tableName;
        private String prefix;
        private URI endpoint;
        private String region;
        private String accessKeyId;
        private String secretAccessKey;
        private Duration apiCallTimeout = DEFAULT_API_CALL_TIMEOUT;
        private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int maxRetries = DEFAULT_MAX_RETRIES;

        private Builder(String tableName) {
            if (tableName == null || tableName.isBlank()) {
                throw new IllegalArgumentException("A DynamoDB table name is required");
            }
            this.tableName = tableName.trim();
        }

        /** The environment's prefix; null or blank means none. Items then live in {@code <prefix>:features}. */
        public Builder prefix(String prefix) {
            this.prefix = prefix == null || prefix.isBlank() ? null : prefix.trim();
            return this;
        }

        /** A local or private endpoint such as {@code http://127.0.0.1:8000}; null for AWS. */
        public Builder endpoint(URI endpoint) {
            if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
                throw new IllegalArgumentException("The DynamoDB endpoint must be an absolute URL such as "
                        + "http://localhost:8000, not \"" + endpoint + "\"");
            }
            this.endpoint = endpoint;
            return this;
        }

        public Builder endpoint(String endpoint) {
            if (endpoint == null || endpoint.isBlank()) {
                return endpoint((URI) null);
            }
            URI uri;
            try {
                uri = URI.create(endpoint.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The DynamoDB endpoint \"" + endpoint + "\" is not a valid URL", e);
            }
            return endpoint(uri);
        }

        public Builder region(String region) {
            this.region = region == null || region.isBlank() ? null : region.trim();
            return this;
        }

        /** Static credentials; both null to use the default chain. */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            boolean hasId = accessKeyId != null && !accessKeyId.isBlank();
            boolean hasSecret = secretAccessKey != null && !secretAccessKey.isBlank();
            if (hasId != hasSecret) {
                throw new IllegalArgumentException("Give both the AWS access key ID and the secret access key, or neither");
            }
            this.accessKeyId = hasId ? accessKeyId.trim() : null;
            this.secretAccessKey = hasSecret ? secretAccessKey.trim() : null;
            return this;
        }

        public Builder apiCallTimeout(Duration timeout) {
            this.apiCallTimeout = positive(timeout, "API call timeout");
            return this;
        }

        public Builder attemptTimeout(Duration timeout) {
            this.attemptTimeout = positive(timeout, "attempt timeout");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0 || maxRetries > 10) {
                throw new IllegalArgumentException("maxRetries must be between 0 and 10, not " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        public DynamoDbStoreOptions build() {
            return new DynamoDbStoreOptions(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("The DynamoDB " + what + " must be positive, not " + d);
            }
            return d;
        }
    }
}
