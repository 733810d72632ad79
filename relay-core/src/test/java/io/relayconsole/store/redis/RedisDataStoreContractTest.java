package io.relayconsole.store.redis;

import io.relayconsole.store.DataStore;
import io.relayconsole.store.DataStoreContractTest;
import io.relayconsole.testing.RedisServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract against a real standalone redis-server. */
class RedisDataStoreContractTest extends DataStoreContractTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @Override
    protected DataStore createStore(String prefix) {
        return new RedisDataStore(RedisStoreOptions.builder().url(redis.url()).prefix(prefix).build());
    }

    @Override
    protected void clearDatabase() {
        redis.flushAll();
    }
}
