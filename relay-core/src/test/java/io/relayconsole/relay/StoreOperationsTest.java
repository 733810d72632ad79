package io.relayconsole.relay;

import static io.relayconsole.testing.TestItems.flag;
import static io.relayconsole.testing.TestItems.flags;
import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.store.StoreOperationResult;
import io.relayconsole.model.DataKind;
import io.relayconsole.store.InMemoryDataStore;
import io.relayconsole.testing.SwitchableStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operator's store actions: each does what it says and reports it. */
class StoreOperationsTest {
    private EnvironmentHarness harness;

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private RelayEnvironment start(io.relayconsole.store.DataStore store) {
        harness = new EnvironmentHarness(Duration.ofMinutes(1), Duration.ofSeconds(30), Clock.systemUTC(), store);
        harness.upstream().init(flags("a", "b"));
        return harness.env;
    }

    @Test
    void switchingStoresCopiesTheDataAndKeepsUpdatesFlowing() throws Exception {
        RelayEnvironment env = start(new InMemoryDataStore());
        SwitchableStore redis = new SwitchableStore();

        // Updates keep arriving from another thread while the switch happens: none may be lost.
        CompletableFuture<Void> updates = CompletableFuture.runAsync(() -> {
            for (int v = 2; v <= 200; v++) {
                harness.upstream().upsert(DataKind.FEATURES, flag("a", v));
            }
        });
        StoreOperationResult result = env.store().switchTo(redis, Duration.ofSeconds(30));
        updates.get(10, TimeUnit.SECONDS);

        assertThat(result.success()).as(result.toString()).isTrue();
        assertThat(env.store().description().database()).isEqualTo("redis");
        assertThat(redis.database().isInitialized()).isTrue();
        assertThat(redis.database().get(DataKind.FEATURES, "a").version()).isEqualTo(200);
        assertThat(env.currentData().flags().get("a").version()).isEqualTo(200);
    }

    @Test
    void aFailedSwitchKeepsTheOldStoreAndSaysWhy() {
        RelayEnvironment env = start(new InMemoryDataStore());
        SwitchableStore broken = new SwitchableStore();
        broken.setDown(true);

        StoreOperationResult result = env.store().switchTo(broken, Duration.ofSeconds(30));

        assertThat(result.success()).isFalse();
        assertThat(result.message()).contains("connection refused");
        assertThat(env.store().description().isPersistent()).isFalse();
        assertThat(env.currentData().flags()).containsKeys("a", "b");
    }

    @Test
    void resyncCompletesWhenUpstreamSendsTheFullDataSet() throws Exception {
        RelayEnvironment env = start(new InMemoryDataStore());
        CompletableFuture<StoreOperationResult> result = env.resyncFromUpstream(Duration.ofSeconds(5));
        assertThat(harness.source().restarts()).isEqualTo(1);

        harness.upstream().init(flags("a", "b", "c"));

        StoreOperationResult done = result.get(5, TimeUnit.SECONDS);
        assertThat(done.success()).isTrue();
        assertThat(done.items()).isEqualTo(3);
    }

    @Test
    void overlappingResyncsShareOneReconnectAndAllComplete() throws Exception {
        RelayEnvironment env = start(new InMemoryDataStore());
        CompletableFuture<StoreOperationResult> first = env.resyncFromUpstream(Duration.ofSeconds(5));
        CompletableFuture<StoreOperationResult> second = env.resyncFromUpstream(Duration.ofSeconds(5));
        assertThat(harness.source().restarts()).isEqualTo(1);

        harness.upstream().init(flags("a", "b"));

        assertThat(first.get(5, TimeUnit.SECONDS).success()).isTrue();
        assertThat(second.get(5, TimeUnit.SECONDS).items()).isEqualTo(2);
        CompletableFuture<StoreOperationResult> later = env.resyncFromUpstream(Duration.ofSeconds(5));
        assertThat(harness.source().restarts()).isEqualTo(2); // a new request after the answer asks again
        harness.upstream().init(flags("a"));
        assertThat(later.get(5, TimeUnit.SECONDS).items()).isEqualTo(1);
    }

    @Test
    void resyncReportsAnUpstreamThatNeverAnswers() throws Exception {
        RelayEnvironment env = start(new InMemoryDataStore());
        StoreOperationResult done = env.resyncFromUpstream(Duration.ofMillis(100)).get(5, TimeUnit.SECONDS);
        assertThat(done.success()).isFalse();
        assertThat(done.message()).contains("no data from upstream");
    }

    @Test
    void rewriteReloadAndClearWorkOnAPersistentStore() {
        SwitchableStore database = new SwitchableStore();
        RelayEnvironment env = start(database);

        database.wipe();
        StoreOperationResult rewrite = env.store().rewriteFromCache();
        assertThat(rewrite.success()).isTrue();
        assertThat(rewrite.items()).isEqualTo(2);
        assertThat(database.database().getAll(DataKind.FEATURES)).containsKeys("a", "b");

        database.database().upsert(DataKind.FEATURES, flag("z", 1)); // written elsewhere
        StoreOperationResult reload = env.store().reloadCache();
        assertThat(reload.items()).isEqualTo(3);
        assertThat(env.currentData().flags()).containsKey("z");

        assertThat(env.store().clearCache().success()).isTrue();
        assertThat(env.store().freshness().describe()).isEqualTo("not cached");

        database.setDown(true);
        assertThat(env.store().reloadCache().success()).isFalse();
    }
}
