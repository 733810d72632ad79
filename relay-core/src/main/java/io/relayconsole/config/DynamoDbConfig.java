package io.relayconsole.config;

import java.net.URI;
import java.time.Duration;

/**
 * The {@code [DynamoDB]} section (present only when enabled). {@code tableName} may be null when every
 * environment names its own table; {@code url} is null for the AWS default endpoint.
 */
public record DynamoDbConfig(String tableName, URI url, Duration localTtl) implements DatabaseConfig {

    public DynamoDbConfig {
        localTtl = localTtl == null ? DEFAULT_LOCAL_TTL : localTtl;
    }

    @Override
    public String displayName() {
        return "DynamoDB";
    }
}
