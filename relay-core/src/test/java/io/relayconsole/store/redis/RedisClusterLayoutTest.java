package io.relayconsole.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.testing.RedisClusterProcesses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** In a real 3-master Cluster, the SDK layout is kept even though the keys live on different masters. */
class RedisClusterLayoutTest {
    private static RedisClusterProcesses cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterProcesses.start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static int slotOf(String key) {
        return Integer.parseInt(cluster.cli("CLUSTER", "KEYSLOT", key));
    }

    @Test
    void keysOnDifferentMastersAreAllWrittenAndReadable() {
        // The precondition that makes Cluster special: MULTI/EXEC across these slots fails with CROSSSLOT.
        assertThat(List.of(slotOf("launchdarkly:features"), slotOf("launchdarkly:segments"), slotOf("launchdarkly:$inited")))
                .doesNotHaveDuplicates();
        try (RedisDataStore store = new RedisDataStore(RedisStoreOptions.builder()
                .url("redis://127.0.0.1:" + cluster.seed().port()).cluster(true).build())) {
            store.init(FullDataSet.of(
                    Map.of("f", RedisDataStoreLayoutTest.item("f", "{\"key\":\"f\",\"version\":1}")),
                    Map.of("s", RedisDataStoreLayoutTest.item("s", "{\"key\":\"s\",\"version\":1}"))));
            assertThat(store.upsert(DataKind.FEATURES, Item.tombstone("f", 2))).isTrue();

            assertThat(cluster.cli("HGET", "launchdarkly:features", "f")).isEqualTo("{\"key\":\"f\",\"version\":2,\"deleted\":true}");
            assertThat(cluster.cli("HGET", "launchdarkly:segments", "s")).isEqualTo("{\"key\":\"s\",\"version\":1}");
            assertThat(cluster.cli("EXISTS", "launchdarkly:$inited")).isEqualTo("1");
        } finally {
            cluster.flushAll();
        }
    }

    @Test
    void aHashTaggedPrefixKeepsEveryKeyInOneSlot() {
        try (RedisDataStore store = new RedisDataStore(RedisStoreOptions.builder()
                .url("redis://127.0.0.1:" + cluster.seed().port()).cluster(true).prefix("{env1}").build())) {
            store.init(FullDataSet.of(Map.of("f", RedisDataStoreLayoutTest.item("f", "{\"key\":\"f\",\"version\":1}")), Map.of()));
            assertThat(store.isInitialized()).isTrue();
            assertThat(slotOf("{env1}:features")).isEqualTo(slotOf("{env1}:$inited"));
            long mastersHoldingData = cluster.masters().stream()
                    .map(master -> master.cli("DBSIZE")).filter(size -> !size.equals("0")).count();
            assertThat(mastersHoldingData).isEqualTo(1);
        } finally {
            cluster.flushAll();
        }
    }
}
