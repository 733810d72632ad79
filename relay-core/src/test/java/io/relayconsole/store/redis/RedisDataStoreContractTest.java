package io.relayconsole.store.redis;

import io.relayconsole.store.DataStore;
import io.relayconsole.store.DataStoreContractTest;
import io.relayconsole.testing.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract against a real standalone redis-server. */
class RedisDataStoreContractTest extends DataStoreContractTest {
    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    protected DataStore createStore(String prefix) {
        return new RedisDataStore(RedisStoreOptions.builder().url(redis.url()).prefix(prefix).build());
    }

    @Override
    protected void clearDatabase() {
        redis.flushAll();
    }
}
