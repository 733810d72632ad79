package io.relayconsole.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.testing.RedisSentinelProcesses;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reaching Redis through Sentinel: 1 master, 1 replica, 1 sentinel, all real processes. */
class RedisSentinelTest {

    private static FullDataSet oneFlag(long version) {
        return FullDataSet.of(Map.of("f", RedisDataStoreLayoutTest.item("f", "{\"key\":\"f\",\"version\":" + version + "}")), Map.of());
    }

    @Test
    void writesGoToTheMasterTheSentinelNamesAndFollowAFailover() {
        try (RedisSentinelProcesses redis = RedisSentinelProcesses.start();
             RedisDataStore store = new RedisDataStore(RedisStoreOptions.builder()
                     .url("redis-sentinel://127.0.0.1:" + redis.sentinel().port() + "#" + RedisSentinelProcesses.MASTER_NAME)
                     .commandTimeout(Duration.ofMillis(500)).connectTimeout(Duration.ofMillis(500))
                     .build())) {
            store.init(oneFlag(1));
            assertThat(redis.master().cli("HGET", "launchdarkly:features", "f")).contains("\"version\":1");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> redis.replica().cli("EXISTS", "launchdarkly:$inited").equals("1"));
            assertThat(store.description().dbServer())
                    .isEqualTo("redis-sentinel://127.0.0.1:" + redis.sentinel().port() + "#" + RedisSentinelProcesses.MASTER_NAME);

            // The master dies; the sentinel promotes the replica and the same store carries on there.
            redis.master().kill();
            await().atMost(Duration.ofSeconds(20)).until(() -> redis.currentMasterPort() == redis.replica().port());
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> store.upsert(DataKind.FEATURES, Item.tombstone("f", 2)));
            assertThat(redis.replica().cli("HGET", "launchdarkly:features", "f")).contains("\"deleted\":true");
            assertThat(store.get(DataKind.FEATURES, "f").deleted()).isTrue();
        }
    }
}
