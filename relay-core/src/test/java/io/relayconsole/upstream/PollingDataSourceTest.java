package io.relayconsole.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.config.MainConfig;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.SimulatedEnvironment;
import io.relayconsole.simulator.SimulatorRequest;
import io.relayconsole.simulator.UpstreamFault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PollingDataSourceTest {
    private static final String SDK_KEY = "sdk-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    private FlagSimulator simulator;
    private SimulatedEnvironment env;
    private final RecordingUpdates updates = new RecordingUpdates();
    private PollingDataSource source;

    @BeforeEach
    void startSimulator() throws Exception {
        simulator = new FlagSimulator();
        simulator.start(0);
        env = simulator.addEnvironment(SDK_KEY);
    }

    @AfterEach
    void stopAll() {
        if (source != null) {
            source.close();
        }
        simulator.close();
    }

    private CompletableFuture<Boolean> startSource(String sdkKey, Duration pollInterval) {
        UpstreamSettings settings = new UpstreamSettings(simulator.streamUri(), simulator.baseUri(), sdkKey,
                MainConfig.UpstreamMode.POLLING, pollInterval, Duration.ofMillis(50), "RelayConsoleTest/1.0");
        source = new PollingDataSource(settings, updates);
        return source.start();
    }

    private List<SimulatorRequest> polls() {
        return simulator.recentRequests().stream().filter(r -> r.path().equals("/sdk/latest-all")).toList();
    }

    @Test
    void theFirstPollDeliversTheDataWithExactBytes() throws Exception {
        assertThat(startSource(SDK_KEY, Duration.ofSeconds(30)).get(5, TimeUnit.SECONDS)).isTrue();

        assertThat(updates.inits).hasSize(1);
        for (Item flag : env.flags()) {
            assertThat(updates.inits.get(0).flags().get(flag.key()).jsonString()).isEqualTo(flag.jsonString());
        }
        assertThat(updates.inits.get(0).segments()).hasSize(env.segments().size());
        assertThat(updates.lastStatus()).isEqualTo(new RecordingUpdates.StatusReport(DataSourceState.VALID, null));
    }

    @Test
    void anUnchangedDataSetIsNotModifiedAndNotDeliveredAgain() throws Exception {
        startSource(SDK_KEY, Duration.ofMillis(50)).get(5, TimeUnit.SECONDS);

        await().atMost(5, TimeUnit.SECONDS).until(() -> polls().stream().filter(r -> r.status() == 304).count() >= 2);
        assertThat(polls().get(0).status()).isEqualTo(200);
        assertThat(updates.inits).hasSize(1);
    }

    @Test
    void aChangeIsPickedUpByTheNextPoll() throws Exception {
        startSource(SDK_KEY, Duration.ofMillis(50)).get(5, TimeUnit.SECONDS);

        Item edited = env.setFallthroughVariation("banner-text", 2);

        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.inits.size() == 2);
        Item received = updates.live(DataKind.FEATURES, "banner-text").orElseThrow();
        assertThat(received.version()).isEqualTo(2);
        assertThat(received.jsonString()).isEqualTo(edited.jsonString());
    }

    @Test
    void anUnknownKeyStopsPollingForGood() throws Exception {
        assertThat(startSource("sdk-unknown", Duration.ofMillis(50)).get(5, TimeUnit.SECONDS)).isFalse();

        RecordingUpdates.StatusReport last = updates.lastStatus();
        assertThat(last.state()).isEqualTo(DataSourceState.OFF);
        assertThat(last.error().statusCode()).isEqualTo(401);
        assertThat(updates.retries).isEmpty();
    }

    @Test
    void aFailedPollIsRetriedAndTheSourceRecovers() throws Exception {
        simulator.setFault(UpstreamFault.HTTP_503);
        CompletableFuture<Boolean> started = startSource(SDK_KEY, Duration.ofMillis(50));

        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.retries.size() >= 2);
        assertThat(updates.retries.get(1).attempt()).isEqualTo(2);
        assertThat(updates.statuses.get(0).state()).isEqualTo(DataSourceState.INTERRUPTED);
        assertThat(updates.statuses.get(0).error().statusCode()).isEqualTo(503);

        simulator.setFault(UpstreamFault.NONE);

        assertThat(started.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(updates.lastState()).isEqualTo(DataSourceState.VALID);
    }

    @Test
    void aTruncatedBodyIsANetworkErrorAndNothingIsStored() throws Exception {
        simulator.setFault(UpstreamFault.DROP_MID_EVENT);
        startSource(SDK_KEY, Duration.ofMillis(50));

        await().atMost(5, TimeUnit.SECONDS).until(() -> !updates.retries.isEmpty());
        assertThat(updates.statuses.get(0).error().kind()).isEqualTo(ErrorInfo.Kind.NETWORK_ERROR);
        assertThat(updates.inits).isEmpty();
    }

    @Test
    void restartPollsAtOnceAndCloseReportsOff() throws Exception {
        startSource(SDK_KEY, Duration.ofSeconds(30)).get(5, TimeUnit.SECONDS);
        env.toggle("maintenance-mode");

        source.restart();

        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.inits.size() == 2);
        source.close();
        assertThat(updates.lastStatus()).isEqualTo(new RecordingUpdates.StatusReport(DataSourceState.OFF, null));
    }
}
