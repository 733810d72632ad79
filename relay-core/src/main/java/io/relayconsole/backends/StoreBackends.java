package io.relayconsole.backends;

import io.relayconsole.bigsegments.BigSegmentStore;
import io.relayconsole.config.ConsulConfig;
import io.relayconsole.config.DatabaseConfig;
import io.relayconsole.config.DynamoDbConfig;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.RedisConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.InMemoryDataStore;
import io.relayconsole.store.consul.ConsulDataStore;
import io.relayconsole.store.consul.ConsulStoreOptions;
import io.relayconsole.store.dynamodb.DynamoDbBigSegmentStore;
import io.relayconsole.store.dynamodb.DynamoDbDataStore;
import io.relayconsole.store.dynamodb.DynamoDbStoreOptions;
import io.relayconsole.store.redis.RedisBigSegmentStore;
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
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place where store descriptions meet the backends: ld-relay's database settings and the console's
 * {@link StoreSettings} become Redis, DynamoDB or Consul stores here, with every default written once.
 */
public final class StoreBackends {
    static final String DEFAULT_HOST = "localhost";
    static final int REDIS_DEFAULT_PORT = 6379;
    static final int SENTINEL_DEFAULT_PORT = 26379;
    static final int CONSUL_DEFAULT_PORT = 8500;

    private StoreBackends() {
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

    /** The environment's store on the configured database, with the environment's own prefix or table. */
    public static DataStore create(DatabaseConfig database, EnvironmentConfig env) {
        return create(settings(database, env));
    }

    /** ld-relay's settings for one environment, as a store description. */
    public static StoreSettings settings(DatabaseConfig database, EnvironmentConfig env) {
        if (database instanceof RedisConfig redis) {
            if (redis.sentinelMasterId() != null) {
                // With Sentinel, the configured address is the sentinel's.
                return new StoreSettings.Redis(null, redis.url().getHost(), redis.url().getPort(), redis.username(),
                        redis.password(), redis.tls(), redis.sentinelMasterId(), false, env.prefix());
            }
            return new StoreSettings.Redis(redis.url().toString(), null, -1, redis.username(), redis.password(),
                    false, null, redis.cluster(), env.prefix());
        }
        if (database instanceof DynamoDbConfig dynamo) {
            String table = env.tableName() != null ? env.tableName() : dynamo.tableName();
            return new StoreSettings.DynamoDb(table, dynamo.url() == null ? null : dynamo.url().toString(), null,
                    env.prefix());
        }
        ConsulConfig consul = (ConsulConfig) database;
        return new StoreSettings.Consul(consulUrl(consul.host()), consulToken(consul), env.prefix());
    }

    /**
     * The store {@code settings} describe, not connected yet.
     *
     * @throws IllegalArgumentException with a message fit to show when the settings cannot describe a store
     */
    public static DataStore create(StoreSettings settings) {
        if (settings instanceof StoreSettings.Redis r) {
            return new RedisDataStore(redisOptions(r));
        }
        if (settings instanceof StoreSettings.DynamoDb d) {
            return new DynamoDbDataStore(dynamoOptions(d));
        }
        if (settings instanceof StoreSettings.Consul c) {
            return new ConsulDataStore(ConsulStoreOptions.builder()
                    .url(blank(c.url()) ? ConsulStoreOptions.DEFAULT_URL : c.url().trim()).aclToken(c.token())
                    .prefix(c.prefix()).build());
        }
        return new InMemoryDataStore();
    }

    /** The Redis client options {@code r} describes (public so the console can show and test them). */
    public static RedisStoreOptions redisOptions(StoreSettings.Redis r) {
        RedisStoreOptions.Builder options = RedisStoreOptions.builder().prefix(r.prefix()).username(r.username())
                .password(r.password()).tls(r.tls());
        String host = blank(r.host()) ? DEFAULT_HOST : r.host().trim();
        if (!blank(r.sentinelMaster())) {
            return options.sentinel(r.sentinelMaster().trim(), List.of(new RedisNode(host,
                    r.port() > 0 ? r.port() : SENTINEL_DEFAULT_PORT))).build();
        }
        if (!blank(r.url())) {
            options.url(r.url().trim());
        } else {
            options.host(host).port(r.port() > 0 ? r.port() : REDIS_DEFAULT_PORT);
        }
        return options.cluster(r.cluster()).build();
    }

    static DynamoDbStoreOptions dynamoOptions(StoreSettings.DynamoDb d) {
        DynamoDbStoreOptions.Builder options = DynamoDbStoreOptions.builder(d.table()).prefix(d.prefix());
        if (!blank(d.endpoint())) {
            options.endpoint(d.endpoint().trim());
        }
        if (!blank(d.region())) {
            options.region(d.region().trim());
        }
        return options.build();
    }

    /**
     * Creates the DynamoDB table {@code settings} name (the one operation that is never implicit).
     *
     * @return true if it was created, false if it already existed
     */
    public static boolean createTable(StoreSettings.DynamoDb settings) {
        try (DynamoDbDataStore store = new DynamoDbDataStore(dynamoOptions(settings))) {
            return store.createTable();
        }
    }

    /**
     * The big-segment store beside an environment's backend, on the same server, prefix or table: Redis (not a
     * Cluster) and DynamoDB only, as the persistent-storage document requires; empty for any other backend.
     */
    public static Optional<BigSegmentStore> bigSegmentStore(DataStore backend) {
        if (backend instanceof RedisDataStore redis && RedisBigSegmentStore.supports(redis.options())) {
            return Optional.of(new RedisBigSegmentStore(redis.options()));
        }
        if (backend instanceof DynamoDbDataStore dynamo) {
            return Optional.of(new DynamoDbBigSegmentStore(dynamo.options()));
        }
        return Optional.empty();
    }

    /** Builds the store, asks whether it answers and holds data, times it, and closes it. Does network I/O. */
    public static ConnectionCheck check(StoreSettings settings) {
        try (DataStore store = create(settings)) {
            return ConnectionCheck.of(store);
        } catch (RuntimeException e) { // StoreException, bad options, client errors: all shown, none fatal
            return ConnectionCheck.failed(e);
        }
    }

    /** ld-relay's Consul {@code host} is a host name, optionally with a port; a full URL is accepted too. */
    static String consulUrl(String host) {
        String h = blank(host) ? DEFAULT_HOST : host.trim();
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

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
