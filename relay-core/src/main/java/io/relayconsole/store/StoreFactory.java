package io.relayconsole.store;

import io.relayconsole.config.ConsulConfig;
import io.relayconsole.config.DatabaseConfig;
import io.relayconsole.config.DynamoDbConfig;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.RedisConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.store.consul.ConsulDataStore;
import io.relayconsole.store.consul.ConsulStoreOptions;
import io.relayconsole.store.dynamodb.DynamoDbDataStore;
import io.relayconsole.store.dynamodb.DynamoDbStoreOptions;
import io.relayconsole.store.redis.RedisDataStore;
import io.relayconsole.store.redis.RedisNode;
import io.relayconsole.store.redis.RedisStoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Turns ld-relay's database settings into the store of one environment: the configured database with the
 * environment's own prefix (or DynamoDB table). The one place where configuration meets the store backends.
 */
public final class StoreFactory {
    private static final int CONSUL_DEFAULT_PORT = 8500;

    private StoreFactory() {
    }

    /** The cache TTL the configuration asks for (ld-relay's 30 s when no database is configured). */
    public static Duration cacheTtl(RelayConfig config) {
        return config.database().map(DatabaseConfig::localTtl).orElse(DatabaseConfig.DEFAULT_LOCAL_TTL);
    }

    /** In-memory stores without a database, else one store per environment on the configured database. */
    public static Function<EnvironmentConfig, DataStore> forConfig(RelayConfig config) {
        return config.database().<Function<EnvironmentConfig, DataStore>>map(db -> env -> create(db, env))
                .orElse(env -> new InMemoryDataStore());
    }

    public static DataStore create(DatabaseConfig database, EnvironmentConfig env) {
        if (database instanceof RedisConfig redis) {
            return new RedisDataStore(redisOptions(redis, env.prefix()));
        }
        if (database instanceof DynamoDbConfig dynamo) {
            String table = env.tableName() != null ? env.tableName() : dynamo.tableName();
            DynamoDbStoreOptions.Builder options = DynamoDbStoreOptions.builder(table).prefix(env.prefix());
            if (dynamo.url() != null) {
                options.endpoint(dynamo.url());
            }
            return new DynamoDbDataStore(options.build());
        }
        ConsulConfig consul = (ConsulConfig) database;
        return new ConsulDataStore(ConsulStoreOptions.builder().url(consulUrl(consul.host())).prefix(env.prefix())
                .aclToken(consulToken(consul)).build());
    }

    static RedisStoreOptions redisOptions(RedisConfig redis, String prefix) {
        RedisStoreOptions.Builder options = RedisStoreOptions.builder().prefix(prefix).username(redis.username())
                .password(redis.password());
        if (redis.sentinelMasterId() != null) {
            // With Sentinel, the configured address is the sentinel's.
            options.sentinel(redis.sentinelMasterId(), List.of(new RedisNode(redis.url().getHost(),
                    redis.url().getPort() > 0 ? redis.url().getPort() : 26379))).tls(redis.tls());
        } else {
            options.url(redis.url().toString()).cluster(redis.cluster());
        }
        return options.build();
    }

    /** ld-relay's Consul {@code host} is a host name, optionally with a port; a full URL is accepted too. */
    static String consulUrl(String host) {
        String h = host == null || host.isBlank() ? "localhost" : host.trim();
        if (h.startsWith("http://") || h.startsWith("https://")) {
            return h;
        }
        return "http://" + (h.contains(":") ? h : h + ":" + CONSUL_DEFAULT_PORT);
    }

    private static String consulToken(ConsulConfig consul) {
        if (consul.tokenFile() == null) {
            return consul.token();
        }
        try {
            return Files.readString(Path.of(consul.tokenFile()), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Consul token file " + consul.tokenFile(), e);
        }
    }
}
