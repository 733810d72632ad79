package io.relayconsole.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.store.StoreException;
import io.relayconsole.testing.RedisServerProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Redis crash and restart as the relay sees it: fast StoreExceptions, then recovery without a new store. */
class RedisOutageTest {
    private RedisServerProcess redis;
    private RedisDataStore store;

    @AfterEach
    void cleanUp() {
        if (store != null) {
            store.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static FullDataSet oneFlag(long version) {
        return FullDataSet.of(Map.of("f", RedisDataStoreLayoutTest.item("f", "{\"key\":\"f\",\"version\":" + version + "}")), Map.of());
    }

    @Test
    void aKilledServerFailsEveryOperationQuicklyAndARestartedOneIsUsedAgain() {
        redis = RedisServerProcess.start();
        store = new RedisDataStore(RedisStoreOptions.builder().url(redis.url())
                .commandTimeout(Duration.ofMillis(500)).connectTimeout(Duration.ofMillis(500)).build());
        store.init(oneFlag(1));
        assertThat(store.isAvailable()).isTrue();

        redis.kill();

        await().atMost(Duration.ofSeconds(5)).until(() -> !store.isAvailable());
        assertFailsWithinTheTimeout(() -> store.get(DataKind.FEATURES, "f"));
        assertFailsWithinTheTimeout(() -> store.getAll(DataKind.FEATURES));
        assertFailsWithinTheTimeout(() -> store.isInitialized());
        assertFailsWithinTheTimeout(() -> store.upsert(DataKind.FEATURES, Item.tombstone("f", 2)));
        assertFailsWithinTheTimeout(() -> store.init(oneFlag(3)));

        redis.restart(); // same port, empty data
        await().atMost(Duration.ofSeconds(10)).until(store::isAvailable);
        assertThat(store.isInitialized()).isFalse();
        store.init(oneFlag(4));
        assertThat(store.upsert(DataKind.FEATURES, Item.tombstone("f", 5))).isTrue();
        assertThat(redis.cli("HGET", "launchdarkly:features", "f")).isEqualTo("{\"key\":\"f\",\"version\":5,\"deleted\":true}");
    }

    @Test
    void aStoreCreatedWhileRedisIsDownWorksOnceRedisIsUp() {
        int port = RedisServerProcess.freePort();
        store = new RedisDataStore(RedisStoreOptions.builder().host("127.0.0.1").port(port)
                .connectTimeout(Duration.ofMillis(500)).build());
        assertThat(store.isAvailable()).isFalse();
        assertThatThrownBy(store::isInitialized).isInstanceOf(StoreException.class)
                .hasMessageContaining("redis://127.0.0.1:" + port);

        redis = RedisServerProcess.start(port);
        assertThat(store.isAvailable()).isTrue();
        store.init(oneFlag(1));
        assertThat(store.isInitialized()).isTrue();
    }

    /** Bounded by the 500 ms timeouts; the generous margin only keeps a loaded machine from failing the test. */
    private static void assertFailsWithinTheTimeout(Runnable operation) {
        long started = System.nanoTime();
        assertThatThrownBy(operation::run).isInstanceOf(StoreException.class).hasMessageContaining("Redis");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
}
