package io.relayconsole.config;

import java.time.Duration;

/**
 * The one persistent store the relay writes flags to, if any ({@link RelayConfig#database()}).
 * {@link #localTtl()} is the in-memory cache time in front of it: zero = no cache, negative = cache forever.
 */
public sealed interface DatabaseConfig permits RedisConfig, DynamoDbConfig, ConsulConfig {
    Duration DEFAULT_LOCAL_TTL = Duration.ofSeconds(30);

    /** The section name, as used in messages: {@code Redis}, {@code DynamoDB}, {@code Consul}. */
    String displayName();

    Duration localTtl();
}
