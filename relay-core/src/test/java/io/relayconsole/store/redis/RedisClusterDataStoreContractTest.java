package io.relayconsole.store.redis;

import io.relayconsole.store.DataStore;
import io.relayconsole.store.DataStoreContractTest;
import io.relayconsole.testing.RedisClusterProcesses;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract against a real 3-master Redis Cluster, where the store's keys live on different masters. */
class RedisClusterDataStoreContractTest extends DataStoreContractTest {
    static RedisClusterProcesses cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterProcesses.start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Override
    protected DataStore createStore(String prefix) {
        return new RedisDataStore(RedisStoreOptions.builder()
                .cluster(List.of(new RedisNode("127.0.0.1", cluster.seed().port())))
                .prefix(prefix)
                .build());
    }

    @Override
    protected void clearDatabase() {
        cluster.flushAll();
    }
}
