package io.relayconsole.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.store.StoreOperationResult;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.SimulatedEnvironment;
import io.relayconsole.simulator.UpstreamFault;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.InMemoryDataStore;
import io.relayconsole.testing.MutableClock;
import io.relayconsole.testing.StreamProbe;
import io.relayconsole.upstream.DataSourceState;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The persistent-storage document's four sequence diagrams, plus a store crash during a burst of updates and a
 * backend switch under load, end to end: built-in upstream, relay, a real database, and SDKs. Each backend's
 * test subclasses this and says how to reach, kill and restart its server.
 */
public abstract class OutageScenarios {
    protected static final String SDK_KEY = "sdk-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock();
    private final String prefix = "scenario" + PREFIXES.incrementAndGet() + "-" + ProcessHandle.current().pid();
    private FlagSimulator upstream;
    private Relay relay;

    /** A new, unconnected-to-anything-else store on the test database with this key prefix. */
    protected abstract DataStore newStore(String prefix);

    /** Kills the database server abruptly (SIGKILL or equivalent). */
    protected abstract void killDatabase();

    /** Starts it again on the same address (its data may or may not have survived, as with the real thing). */
    protected abstract void restartDatabase();

    @AfterEach
    void stopAll() {
        if (relay != null) {
            relay.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    private SimulatedEnvironment upstreamEnv() {
        return upstream.environment(SDK_KEY);
    }

    private RelayEnvironment env() {
        return relay.environment("production").orElseThrow();
    }

    private Relay startRelay(Duration cacheTtl, Duration initTimeout) throws Exception {
        return startRelay(cacheTtl, initTimeout, e -> newStore(prefix));
    }

    private Relay startRelay(Duration cacheTtl, Duration initTimeout, Function<EnvironmentConfig, DataStore> stores)
            throws Exception {
        if (upstream == null) {
            upstream = new FlagSimulator();
            upstream.addEnvironment(SDK_KEY);
            upstream.start(0);
        }
        MainConfig main = MainConfig.defaults().withPort(0).withUpstream(upstream.streamUri(), upstream.baseUri())
                .withTimings(initTimeout, Duration.ofMinutes(3));
        relay = new Relay(RelayConfig.of(main, List.of(EnvironmentConfig.of("production", SDK_KEY))),
                RelayOptions.builder().clock(clock).cacheTtl(cacheTtl).storeFactory(stores)
                        .initialReconnectDelay(Duration.ofMillis(100)).bindAddress("127.0.0.1").build());
        return relay.start();
    }

    private StreamProbe.Result sdkConnects() throws Exception {
        return StreamProbe.connect(relay.port(), SDK_KEY);
    }

    /**
     * key -> version of every live item. Deleted items are left out: a full resync replaces the store with
     * upstream's data set, which carries no tombstones, so "deleted" may be a tombstone or no entry at all.
     */
    private static Map<String, Long> versions(FullDataSet data) {
        Map<String, Long> versions = new TreeMap<>();
        for (DataKind kind : DataKind.values()) {
            data.get(kind).forEach((key, item) -> {
                if (!item.deleted()) {
                    versions.put(kind.namespace() + "/" + key, item.version());
                }
            });
        }
        return versions;
    }

    private Map<String, Long> storedVersions() {
        try (DataStore reader = newStore(prefix)) {
            return versions(reader.getAllData());
        }
    }

    private void awaitStoreMatchesUpstream() {
        await().atMost(WAIT).ignoreExceptions()
                .untilAsserted(() -> assertThat(storedVersions()).isEqualTo(versions(upstreamEnv().data())));
    }

    private void awaitRelayInitialized() {
        await().atMost(WAIT).until(() -> env().dataSourceStatus().state() == DataSourceState.VALID);
        awaitStoreMatchesUpstream();
    }

    @Test
    void diagram1StoreUpWithTtlServesFromMemoryUntilTheTtlPassesThenReadsTheStore() throws Exception {
        startRelay(Duration.ofSeconds(30), Duration.ofSeconds(10));
        awaitRelayInitialized(); // "Store all flags with TTL 30 seconds"

        // Another relay sharing the database writes a newer version of one flag.
        Item flag = upstreamEnv().flags().get(0);
        Item newer = Item.of(flag.key(), flag.version() + 100, false, flag.jsonString()
                .replace("\"version\":" + flag.version(), "\"version\":" + (flag.version() + 100)).getBytes());
        try (DataStore other = newStore(prefix)) {
            assertThat(other.upsert(DataKind.FEATURES, newer)).isTrue();
        }

        StreamProbe.Result sdk1 = sdkConnects();
        assertThat(sdk1.served()).as("SDK1: TTL fresh, served from memory").isTrue();
        assertThat(sdk1.data().flags().get(flag.key()).version()).isEqualTo(flag.version());

        clock.advance(Duration.ofSeconds(31)); // "30 seconds pass"
        StreamProbe.Result sdk2 = sdkConnects();
        assertThat(sdk2.served()).as("SDK2: TTL expired, read from the store").isTrue();
        assertThat(sdk2.data().flags().get(flag.key()).version()).isEqualTo(flag.version() + 100);
    }

    @Test
    void diagram2StoreOutageWithTtlRefusesNewSdksOnceExpiredAndServesThemAfterRecovery() throws Exception {
        startRelay(Duration.ofSeconds(30), Duration.ofSeconds(10));
        awaitRelayInitialized();
        assertThat(sdkConnects().served()).as("SDK1 before the outage").isTrue();

        clock.advance(Duration.ofSeconds(31));
        killDatabase(); // "Database goes down"
        assertThat(sdkConnects().status()).as("SDK2: store read failed").isEqualTo(503);
        assertThat(sdkConnects().status()).as("SDK2 after backoff: still down").isEqualTo(503);

        restartDatabase(); // "Database comes back up": the relay writes its data back
        await().atMost(WAIT).ignoreExceptions().until(() -> sdkConnects().served());
        awaitStoreMatchesUpstream();
        await().atMost(WAIT).until(() -> env().storeStatus().available()); // the 500 ms probe noticed
    }

    @Test
    void diagram3ColdRelayDuringAnUpstreamOutageServesFromTheStoreAfterInitTimeout() throws Exception {
        startRelay(Duration.ofSeconds(30), Duration.ofSeconds(10));
        awaitRelayInitialized(); // an earlier relay filled the store
        relay.close();
        upstream.setFault(UpstreamFault.HTTP_503); // "LaunchDarkly is down"

        startRelay(Duration.ofSeconds(30), Duration.ofSeconds(2)); // a cold relay
        assertThat(sdkConnects().status()).as("SDK1 during initTimeout").isEqualTo(503);

        await().atMost(WAIT).until(() -> sdkConnects().served()); // "initTimeout elapses", "Get all flags"
        assertThat(sdkConnects().data().flags().keySet())
                .containsAll(upstreamEnv().flags().stream().map(Item::key).toList());
        assertThat(env().dataSourceStatus().state()).isEqualTo(DataSourceState.INITIALIZING);
    }

    @Test
    void diagram4WarmRelayDuringAnUpstreamOutageKeepsServingAndRewritesTheStoreWhenUpstreamReturns()
            throws Exception {
        startRelay(Duration.ofSeconds(30), Duration.ofSeconds(10));
        awaitRelayInitialized();
        assertThat(sdkConnects().served()).as("SDK1").isTrue();

        upstream.setFault(UpstreamFault.HTTP_503); // "LaunchDarkly goes down"
        await().atMost(WAIT).until(() -> env().dataSourceStatus().state() == DataSourceState.INTERRUPTED);
        assertThat(sdkConnects().served()).as("SDK2 during the upstream outage").isTrue();
        upstreamEnv().toggle(upstreamEnv().flags().get(0).key()); // changed while the relay cannot see it

        upstream.setFault(UpstreamFault.NONE); // "LaunchDarkly comes back up"
        await().atMost(WAIT).until(() -> env().dataSourceStatus().state() == DataSourceState.VALID);
        awaitStoreMatchesUpstream(); // "Store all flags"
    }

    @ParameterizedTest(name = "cache TTL {0} s")
    @ValueSource(ints = {30, -1})
    void aStoreKilledDuringABurstOfUpdatesEndsWithTheUpstreamsLatestVersions(int ttlSeconds) throws Exception {
        startRelay(Duration.ofSeconds(ttlSeconds), Duration.ofSeconds(10));
        awaitRelayInitialized();

        for (int i = 0; i < 60; i++) {
            if (i == 20) {
                killDatabase();
            }
            if (i == 45) {
                restartDatabase();
            }
            upstreamEnv().putFlag("{\"key\":\"burst-" + (i % 6) + "\",\"on\":true,\"variations\":[" + i + "],"
                    + "\"fallthrough\":{\"variation\":0},\"offVariation\":0}");
        }
        upstreamEnv().deleteFlag("burst-0");

        awaitStoreMatchesUpstream();
    }

    @Test
    void aBackendSwitchUnderLoadLosesNoUpdate() throws Exception {
        startRelay(Duration.ofSeconds(30), Duration.ofSeconds(10), e -> new InMemoryDataStore());
        await().atMost(WAIT).until(() -> env().dataSourceStatus().state() == DataSourceState.VALID);
        URI relayUri = URI.create("http://127.0.0.1:" + relay.port());
        LDConfig config = new LDConfig.Builder().events(Components.noEvents()).diagnosticOptOut(true)
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(relayUri)).build();
        LDContext user = LDContext.create("switch");
        try (LDClient sdk1 = new LDClient(SDK_KEY, config); LDClient sdk2 = new LDClient(SDK_KEY, config)) {
            assertThat(sdk1.isInitialized() && sdk2.isInitialized()).isTrue();
            Thread updates = new Thread(() -> {
                for (int i = 1; i <= 100; i++) {
                    upstreamEnv().putFlag("{\"key\":\"counter\",\"on\":true,\"variations\":[" + i + "],"
                            + "\"fallthrough\":{\"variation\":0},\"offVariation\":0}");
                }
            });
            updates.start();
            StoreOperationResult switched = env().store().switchTo(newStore(prefix), Duration.ofSeconds(30));
            updates.join();

            assertThat(switched.success()).as(switched.toString()).isTrue();
            await().atMost(WAIT).until(() -> sdk1.intVariation("counter", user, -1) == 100
                    && sdk2.intVariation("counter", user, -1) == 100);
            awaitStoreMatchesUpstream();
        }
    }
}
