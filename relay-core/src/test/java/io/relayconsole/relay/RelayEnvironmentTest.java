package io.relayconsole.relay;

import io.relayconsole.serving.Readiness;
import io.relayconsole.serving.UpdateListener;
import static io.relayconsole.testing.TestItems.flag;
import static io.relayconsole.testing.TestItems.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.InMemoryDataStore;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreException;
import io.relayconsole.testing.ManualDataSource;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.DataSourceUpdates;
import io.relayconsole.upstream.ErrorInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules that decide what SDKs get, driven without a network. */
class RelayEnvironmentTest {
    private EnvironmentHarness harness;
    private RelayEnvironment env;

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
    }

    private RelayEnvironment start(Duration initTimeout, DataStore store) {
        harness = new EnvironmentHarness(initTimeout, Duration.ofSeconds(30), Clock.systemUTC(), store);
        env = harness.env;
        return env;
    }

    private DataSourceUpdates upstream() {
        return harness.upstream();
    }

    @Test
    void refusesUntilDataArrivesThenServes() {
        start(Duration.ofMinutes(1), new InMemoryDataStore());
        assertThat(env.readiness()).isEqualTo(Readiness.NOT_READY);

        upstream().init(flags("a"));
        upstream().updateStatus(DataSourceState.VALID, null);

        assertThat(env.readiness()).isEqualTo(Readiness.READY);
        assertThat(env.currentData().flags()).containsKey("a");
        assertThat(env.dataSourceStatus().state()).isEqualTo(DataSourceState.VALID);
    }

    @Test
    void servesWhateverTheStoreHasOnceInitTimeoutPasses() {
        start(Duration.ofMillis(50), new InMemoryDataStore());
        await().atMost(Duration.ofSeconds(5)).until(() -> env.readiness() == Readiness.READY);
        assertThat(env.isStoreInitialized()).isFalse();
    }

    @Test
    void aRejectedKeyTurnsTheEnvironmentTo401() {
        start(Duration.ofMinutes(1), new InMemoryDataStore());
        upstream().updateStatus(DataSourceState.OFF, ErrorInfo.httpStatus(401, Instant.now()));
        assertThat(env.readiness()).isEqualTo(Readiness.REJECTED);
        assertThat(env.dataSourceStatus().lastError().statusCode()).isEqualTo(401);
    }

    @Test
    void failuresBeforeTheFirstDataKeepTheStateInitializing() {
        start(Duration.ofMinutes(1), new InMemoryDataStore());
        upstream().updateStatus(DataSourceState.INTERRUPTED, ErrorInfo.httpStatus(503, Instant.now()));
        upstream().retryScheduled(Instant.now().plusSeconds(2), 1);

        assertThat(env.dataSourceStatus().state()).isEqualTo(DataSourceState.INITIALIZING);
        assertThat(env.dataSourceStatus().lastError().statusCode()).isEqualTo(503);
        assertThat(env.dataSourceStatus().attempt()).isEqualTo(1);

        upstream().init(flags("a"));
        upstream().updateStatus(DataSourceState.VALID, null);
        upstream().updateStatus(DataSourceState.INTERRUPTED, ErrorInfo.httpStatus(503, Instant.now()));
        assertThat(env.dataSourceStatus().state()).isEqualTo(DataSourceState.INTERRUPTED);
    }

    @Test
    void everyUpdateReachesListenersEvenWhenTheStoreKeepsANewerVersion() {
        start(Duration.ofMinutes(1), new InMemoryDataStore());
        List<Item> seen = new CopyOnWriteArrayList<>();
        env.addUpdateListener(new UpdateListener() {
            @Override
            public void onFullData(FullDataSet data) {
            }

            @Override
            public void onItem(DataKind kind, Item item) {
                seen.add(item);
            }
        });
        upstream().init(FullDataSet.of(Map.of("a", flag("a", 5)), Map.of()));

        assertThat(upstream().upsert(DataKind.FEATURES, flag("a", 3))).isTrue();
        assertThat(seen).extracting(Item::version).containsExactly(3L);
        assertThat(env.currentData().flags().get("a").version()).isEqualTo(5);
    }

    @Test
    void aFailingStoreStillLetsUpdatesThroughAndReportsTheFailure() {
        start(Duration.ofMinutes(1), new FailingStore());
        List<FullDataSet> seen = new CopyOnWriteArrayList<>();
        env.addUpdateListener(new UpdateListener() {
            @Override
            public void onFullData(FullDataSet data) {
                seen.add(data);
            }

            @Override
            public void onItem(DataKind kind, Item item) {
            }
        });
        assertThat(upstream().init(flags("a"))).isFalse();
        assertThat(upstream().upsert(DataKind.FEATURES, flag("a", 2))).isFalse();
        assertThat(seen).hasSize(1);
        assertThat(env.snapshot().dataAvailable()).isFalse();
    }

    @Test
    void malformedDataIsCounted() {
        start(Duration.ofMinutes(1), new InMemoryDataStore());
        upstream().malformedData("bad JSON");
        assertThat(env.snapshot().malformedEvents()).isEqualTo(1);
    }

    @Test
    void stoppingClosesTheSourceAndRefusesSdks() {
        start(Duration.ofMinutes(1), new InMemoryDataStore());
        upstream().init(flags("a"));
        ManualDataSource source = harness.source();
        env.reconnectUpstream();
        assertThat(source.restarts()).isEqualTo(1);

        env.stop();

        assertThat(source.isClosed()).isTrue();
        assertThat(env.readiness()).isEqualTo(Readiness.NOT_READY);
        assertThat(env.dataSourceStatus().state()).isEqualTo(DataSourceState.OFF);
    }

    @Test
    void snapshotMasksTheKeyAndCountsLiveItems() {
        start(Duration.ofMinutes(1), new InMemoryDataStore());
        upstream().init(FullDataSet.of(Map.of("a", flag("a", 1), "b", Item.tombstone("b", 2)), Map.of()));
        EnvironmentSnapshot s = env.snapshot();
        assertThat(s.maskedSdkKey()).doesNotContain("prod-key").endsWith("00001");
        assertThat(s.flagCount()).isEqualTo(1);
        assertThat(RelayConfig.of(MainConfig.defaults(), List.of()).environments()).isEmpty();
    }

    /** A store whose backend is down. */
    private static final class FailingStore implements DataStore {
        @Override
        public void init(FullDataSet data) {
            throw new StoreException("connection refused");
        }

        @Override
        public Item get(DataKind kind, String key) {
            throw new StoreException("connection refused");
        }

        @Override
        public Map<String, Item> getAll(DataKind kind) {
            throw new StoreException("connection refused");
        }

        @Override
        public boolean upsert(DataKind kind, Item item) {
            throw new StoreException("connection refused");
        }

        @Override
        public boolean isInitialized() {
            throw new StoreException("connection refused");
        }

        @Override
        public boolean isAvailable() {
            return false;
        }

        @Override
        public StoreDescription description() {
            return new StoreDescription("redis", "redis://localhost:1", "launchdarkly", null);
        }

        @Override
        public void close() {
        }
    }
}
