package io.relayconsole.relay;

import static io.relayconsole.testing.TestItems.flag;
import static io.relayconsole.testing.TestItems.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.model.DataKind;
import io.relayconsole.testing.SwitchableStore;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the relay does when its database fails, returns, or loses its data. */
class StoreRecoveryTest {
    private final SwitchableStore database = new SwitchableStore();
    private EnvironmentHarness harness;

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private RelayEnvironment start(Duration ttl) {
        harness = new EnvironmentHarness(Duration.ofMinutes(1), ttl, Clock.systemUTC(), database);
        harness.upstream().init(flags("a", "b"));
        return harness.env;
    }

    @Test
    void updatesMissedDuringAnOutageReachTheStoreWithoutOverwritingNewerData() {
        RelayEnvironment env = start(Duration.ofSeconds(-1));
        database.setDown(true);
        harness.upstream().upsert(DataKind.FEATURES, flag("a", 2));
        harness.upstream().upsert(DataKind.FEATURES, flag("b", 2));
        assertThat(env.storeStatus().available()).isFalse();
        // Meanwhile another relay sharing the database wrote a newer "b".
        database.database().upsert(DataKind.FEATURES, flag("b", 7));

        database.setDown(false);

        await().atMost(Duration.ofSeconds(5)).until(() -> env.storeStatus().available()
                && database.database().get(DataKind.FEATURES, "a").version() == 2);
        assertThat(database.database().get(DataKind.FEATURES, "b").version()).isEqualTo(7);
        assertThat(env.currentData().flags().get("b").version()).isEqualTo(7);
        assertThat(harness.source().restarts()).isZero(); // infinite TTL: no resync from upstream
    }

    @Test
    void withAFiniteTtlRecoveryAlsoAsksUpstreamForAFullResync() {
        RelayEnvironment env = start(Duration.ofSeconds(30));
        database.setDown(true);
        harness.upstream().upsert(DataKind.FEATURES, flag("a", 2));
        database.setDown(false);

        await().atMost(Duration.ofSeconds(5)).until(() -> harness.source().restarts() == 1);
        assertThat(database.database().get(DataKind.FEATURES, "a").version()).isEqualTo(2);
        assertThat(env.storeStatus().available()).isTrue();
    }

    @Test
    void aStoreThatLostItsDataIsRepopulated() {
        start(Duration.ofSeconds(30));
        harness.upstream().upsert(DataKind.FEATURES, flag("a", 3));

        database.wipe();

        await().atMost(Duration.ofSeconds(5)).until(() -> database.database().isInitialized());
        assertThat(database.database().get(DataKind.FEATURES, "a").version()).isEqualTo(3);
        assertThat(database.database().getAll(DataKind.FEATURES)).containsKeys("a", "b");
    }

    @Test
    void withCacheForeverARelayAdoptsNewerItemsAnotherRelayWroteBackAfterItsOwnWriteBack() {
        RelayEnvironment cutOff = start(Duration.ofSeconds(-1));
        harness.upstream().upsert(DataKind.FEATURES, flag("a", 3));
        database.wipe(); // a Redis restarted empty: this relay writes its version 3 back first
        await().atMost(Duration.ofSeconds(5)).until(() -> database.database().isInitialized());

        // The relay still connected upstream writes its own data back a moment later: version 6 wins.
        database.database().upsert(DataKind.FEATURES, flag("a", 6));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> cutOff.currentData().flags().get("a").version() == 6);
        assertThat(database.database().get(DataKind.FEATURES, "a").version()).isEqualTo(6);
    }
}
