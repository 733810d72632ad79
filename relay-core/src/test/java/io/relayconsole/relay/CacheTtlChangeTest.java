package io.relayconsole.relay;

import static io.relayconsole.testing.TestItems.flag;
import static io.relayconsole.testing.TestItems.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.store.StoreOperationResult;
import io.relayconsole.model.DataKind;
import io.relayconsole.store.InMemoryDataStore;
import io.relayconsole.store.StoreStatus;
import io.relayconsole.testing.MutableClock;
import io.relayconsole.testing.SwitchableStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Changing the cache TTL at run time, and the per-item freshness the console shows. */
class CacheTtlChangeTest {
    private final MutableClock clock = new MutableClock();
    private EnvironmentHarness harness;

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private RelayEnvironment start(io.relayconsole.store.DataStore store, Duration ttl) {
        harness = new EnvironmentHarness(Duration.ofMinutes(1), ttl, clock, store);
        harness.upstream().init(flags("a", "b"));
        return harness.env;
    }

    @Test
    void newTtlAppliesAtOnceAndKeepsTheDataWithoutTouchingTheStore() {
        SwitchableStore store = new SwitchableStore();
        RelayEnvironment env = start(store, Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(10));
        int readsBefore = store.reads();

        StoreOperationResult result = env.store().setCacheTtl(Duration.ofSeconds(-1));

        assertThat(result.success()).as(result.toString()).isTrue();
        assertThat(result.message()).contains("forever");
        assertThat(env.store().freshness().describe()).isEqualTo("cached forever");
        assertThat(env.store().backend()).isSameAs(store);
        // The cache answers with the data it had: the store is down, yet SDKs are still served.
        store.setDown(true);
        clock.advance(Duration.ofHours(1));
        assertThat(env.currentData().flags()).containsKeys("a", "b");
        assertThat(store.reads()).isEqualTo(readsBefore);
    }

    @Test
    void aStoreThatIsDownStaysDownWithItsOwnErrorAcrossATtlChangeAndIsWrittenBackWhenItReturns() {
        SwitchableStore store = new SwitchableStore();
        RelayEnvironment env = start(store, Duration.ofSeconds(30));
        store.setDown(true);
        harness.upstream().upsert(DataKind.FEATURES, flag("a", 7));
        StoreStatus down = env.storeStatus();
        assertThat(down.available()).isFalse();

        env.store().setCacheTtl(Duration.ofSeconds(5));

        assertThat(env.storeStatus().available()).isFalse();
        assertThat(env.storeStatus().lastError()).isEqualTo(down.lastError()).isNotBlank();
        assertThat(env.storeStatus().since()).isEqualTo(down.since());
        store.setDown(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> env.storeStatus().available());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.database().get(DataKind.FEATURES, "a").version() == 7);
    }

    @Test
    void shorterTtlExpiresTheCacheOnItsOwnSchedule() {
        RelayEnvironment env = start(new SwitchableStore(), Duration.ofMinutes(5));
        env.store().setCacheTtl(Duration.ofSeconds(5));

        assertThat(env.store().freshness().describe()).isEqualTo("fresh 0 s / 5 s");
        clock.advance(Duration.ofSeconds(6));
        assertThat(env.store().freshness().describe()).isEqualTo("expired");
    }

    @Test
    void updatesAfterTheChangeStillReachTheStore() {
        SwitchableStore store = new SwitchableStore();
        RelayEnvironment env = start(store, Duration.ofSeconds(30));
        env.store().setCacheTtl(Duration.ZERO);

        harness.upstream().upsert(DataKind.FEATURES, flag("a", 7));

        assertThat(store.database().get(DataKind.FEATURES, "a").version()).isEqualTo(7);
        assertThat(env.store().freshness().describe()).isEqualTo("no cache");
    }

    @Test
    void perItemFreshnessCountsFromTheItemsOwnWrite() {
        RelayEnvironment env = start(new SwitchableStore(), Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(12));
        harness.upstream().upsert(DataKind.FEATURES, flag("b", 2));
        clock.advance(Duration.ofSeconds(3));

        assertThat(env.store().freshness(DataKind.FEATURES, "a").describe()).isEqualTo("fresh 15 s / 30 s");
        assertThat(env.store().freshness(DataKind.FEATURES, "b").describe()).isEqualTo("fresh 3 s / 30 s");
        assertThat(env.store().freshness(DataKind.FEATURES, "missing").describe()).isEqualTo("not cached");
    }

    @Test
    void theInMemoryStoreHasNoCacheToChange() {
        InMemoryDataStore memory = new InMemoryDataStore();
        RelayEnvironment env = start(memory, Duration.ofSeconds(30));

        StoreOperationResult result = env.store().setCacheTtl(Duration.ofSeconds(5));

        assertThat(result.success()).isFalse();
        assertThat(result.message()).contains("no cache");
        assertThat(env.store().freshness(DataKind.FEATURES, "a")).isNull();
        assertThat(env.store().backend()).isSameAs(memory); // served as it is, with no cache in front
    }
}
