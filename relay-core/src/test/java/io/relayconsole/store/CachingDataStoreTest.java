package io.relayconsole.store;

import static io.relayconsole.testing.TestItems.flag;
import static io.relayconsole.testing.TestItems.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.model.DataKind;
import io.relayconsole.testing.MutableClock;
import io.relayconsole.testing.SwitchableStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The TTL rules of the seed document, one mode at a time. */
class CachingDataStoreTest {
    private final MutableClock clock = new MutableClock();
    private final SwitchableStore database = new SwitchableStore();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
    }

    private CachingDataStore cache(Duration ttl) {
        return new CachingDataStore(database, ttl, clock, new StoreStatusTracker(database, scheduler, clock, "test"));
    }

    @Test
    void positiveTtlServesFromMemoryWhileFreshAndFailsOnceExpiredWhileTheStoreIsDown() {
        CachingDataStore store = cache(Duration.ofSeconds(30));
        store.init(flags("a"));
        database.setDown(true);

        clock.advance(Duration.ofSeconds(29));
        assertThat(store.getAllData().flags()).containsKey("a");
        assertThat(store.freshness().describe()).isEqualTo("fresh 29 s / 30 s");

        clock.advance(Duration.ofSeconds(2));
        assertThat(store.freshness().describe()).isEqualTo("expired");
        assertThatThrownBy(store::getAllData).isInstanceOf(StoreException.class);
        assertThat(store.tracker().status().available()).isFalse();

        database.setDown(false);
        assertThat(store.getAllData().flags()).containsKey("a");
    }

    @Test
    void positiveTtlRereadsTheStoreAfterExpiry() {
        CachingDataStore store = cache(Duration.ofSeconds(30));
        store.init(flags("a"));
        database.database().upsert(DataKind.FEATURES, flag("b", 1)); // written by another relay

        assertThat(store.getAllData().flags()).doesNotContainKey("b");
        clock.advance(Duration.ofSeconds(31));
        assertThat(store.getAllData().flags()).containsKey("b");
    }

    @Test
    void unchangedCachedDataIsTheSameInstance() {
        CachingDataStore store = cache(Duration.ofSeconds(30));
        store.init(flags("a"));
        assertThat(store.getAllData()).isSameAs(store.getAllData());
    }

    @Test
    void zeroTtlReadsTheStoreEveryTime() {
        CachingDataStore store = cache(Duration.ZERO);
        store.init(flags("a"));
        int before = database.reads();
        store.getAllData();
        store.getAllData();
        assertThat(database.reads()).isEqualTo(before + 2);
        assertThat(store.freshness().describe()).isEqualTo("no cache");

        database.setDown(true);
        assertThatThrownBy(store::getAllData).isInstanceOf(StoreException.class);
    }

    @Test
    void negativeTtlCachesForeverAndFollowsUpdatesEvenWhenTheStoreIsDown() {
        CachingDataStore store = cache(Duration.ofSeconds(-1));
        store.init(flags("a"));
        database.setDown(true);
        clock.advance(Duration.ofDays(1));

        assertThat(store.getAllData().flags()).containsKey("a");
        assertThatThrownBy(() -> store.upsert(DataKind.FEATURES, flag("a", 2))).isInstanceOf(StoreException.class);
        assertThat(store.getAllData().flags().get("a").version()).isEqualTo(2);
        assertThat(store.freshness().describe()).isEqualTo("cached forever");
    }

    @Test
    void positiveTtlLeavesTheCacheAloneWhenAWriteFails() {
        CachingDataStore store = cache(Duration.ofSeconds(30));
        store.init(flags("a"));
        database.setDown(true);
        assertThatThrownBy(() -> store.upsert(DataKind.FEATURES, flag("a", 2))).isInstanceOf(StoreException.class);
        assertThat(store.getAllData().flags().get("a").version()).isEqualTo(1);
        assertThat(store.lastKnown().flags().get("a").version()).isEqualTo(2);
    }

    @Test
    void aNewerVersionInTheStoreReplacesOursInTheCache() {
        CachingDataStore store = cache(Duration.ofSeconds(30));
        store.init(flags("a"));
        database.database().upsert(DataKind.FEATURES, flag("a", 9));

        assertThat(store.upsert(DataKind.FEATURES, flag("a", 5))).isFalse();
        assertThat(store.getAllData().flags().get("a").version()).isEqualTo(9);
    }

    @Test
    void aFailedInitFlushesAFiniteCache() {
        CachingDataStore store = cache(Duration.ofSeconds(30));
        store.init(flags("a"));
        database.setDown(true);
        assertThatThrownBy(() -> store.init(flags("b"))).isInstanceOf(StoreException.class);
        assertThatThrownBy(store::getAllData).isInstanceOf(StoreException.class);
    }

    @Test
    void answersFromMemoryOnlyWhileTheCacheIsFresh() {
        CachingDataStore store = cache(Duration.ofSeconds(30));
        assertThat(store.answersFromMemory()).as("nothing cached yet").isFalse();
        store.init(flags("a"));
        assertThat(store.answersFromMemory()).isTrue();
        clock.advance(Duration.ofSeconds(31));
        assertThat(store.answersFromMemory()).as("expired: the next read goes to the store").isFalse();

        CachingDataStore noCache = cache(Duration.ZERO);
        noCache.init(flags("a"));
        assertThat(noCache.answersFromMemory()).isFalse();
    }
}
