package io.relayconsole.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.config.MainConfig;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
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

class StreamingDataSourceTest {
    private static final String SDK_KEY = "sdk-11111111-2222-3333-4444-555555555555";
    private static final Duration FAST_RETRY = Duration.ofMillis(50);

    private FlagSimulator simulator;
    private SimulatedEnvironment env;
    private final RecordingUpdates updates = new RecordingUpdates();
    private StreamingDataSource source;

    @BeforeEach
    void startSimulator() throws Exception {
        simulator = new FlagSimulator();
        simulator.setHeartbeatInterval(Duration.ofMillis(200));
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

    private UpstreamSettings settings(String sdkKey, Duration initialDelay) {
        return new UpstreamSettings(simulator.streamUri(), simulator.baseUri(), sdkKey,
                MainConfig.UpstreamMode.STREAMING, Duration.ofSeconds(30), initialDelay, "RelayConsoleTest/1.0");
    }

    private CompletableFuture<Boolean> startSource() {
        source = new StreamingDataSource(settings(SDK_KEY, FAST_RETRY), updates);
        return source.start();
    }

    private CompletableFuture<Boolean> startAndAwaitData() throws Exception {
        CompletableFuture<Boolean> started = startSource();
        assertThat(started.get(5, TimeUnit.SECONDS)).isTrue();
        return started;
    }

    private long streamRequests() {
        return simulator.recentRequests().stream().filter(r -> r.path().equals("/all")).count();
    }

    @Test
    void putDeliversEveryItemWithItsExactBytesAndMarksTheSourceValid() throws Exception {
        startAndAwaitData();

        FullDataSet received = updates.inits.get(0);
        FullDataSet expected = env.data();
        assertThat(received.flags().keySet()).containsExactlyInAnyOrderElementsOf(expected.flags().keySet());
        assertThat(received.segments().keySet()).containsExactlyInAnyOrderElementsOf(expected.segments().keySet());
        for (Item flag : expected.flags().values()) {
            assertThat(received.flags().get(flag.key()).jsonString()).isEqualTo(flag.jsonString());
            assertThat(received.flags().get(flag.key()).version()).isEqualTo(flag.version());
        }
        assertThat(updates.lastStatus()).isEqualTo(new RecordingUpdates.StatusReport(DataSourceState.VALID, null));
        assertThat(updates.malformed).isEmpty();
    }

    @Test
    void sendsTheSdkKeyAndUserAgent() throws Exception {
        startAndAwaitData();

        SimulatorRequest request = simulator.recentRequests().get(0);
        assertThat(request.path()).isEqualTo("/all");
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.maskedKey()).endsWith("55555");
    }

    @Test
    void patchAndDeleteAreAppliedAsTheyHappen() throws Exception {
        startAndAwaitData();

        Item toggled = env.toggle("maintenance-mode");
        env.deleteSegment("staff");

        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.upserts.size() == 2);
        RecordingUpdates.Upsert patch = updates.upserts.get(0);
        assertThat(patch.kind()).isEqualTo(DataKind.FEATURES);
        assertThat(patch.item().version()).isEqualTo(2);
        assertThat(patch.item().jsonString()).isEqualTo(toggled.jsonString());
        RecordingUpdates.Upsert delete = updates.upserts.get(1);
        assertThat(delete.kind()).isEqualTo(DataKind.SEGMENTS);
        assertThat(delete.item().key()).isEqualTo("staff");
        assertThat(delete.item().deleted()).isTrue();
        assertThat(delete.item().version()).isEqualTo(2);
        assertThat(updates.live(DataKind.SEGMENTS, "staff")).isEmpty();
    }

    @Test
    void anUnknownKeyStopsTheSourceForGood() throws Exception {
        source = new StreamingDataSource(settings("sdk-unknown", FAST_RETRY), updates);

        assertThat(source.start().get(5, TimeUnit.SECONDS)).isFalse();

        RecordingUpdates.StatusReport last = updates.lastStatus();
        assertThat(last.state()).isEqualTo(DataSourceState.OFF);
        assertThat(last.error().kind()).isEqualTo(ErrorInfo.Kind.ERROR_RESPONSE);
        assertThat(last.error().statusCode()).isEqualTo(401);
        assertThat(updates.retries).isEmpty();
        assertThat(updates.inits).isEmpty();
    }

    @Test
    void a503IsRetriedWithGrowingBackoffUntilTheOutageEnds() throws Exception {
        simulator.setFault(UpstreamFault.HTTP_503);
        CompletableFuture<Boolean> started = startSource();

        await().atMost(10, TimeUnit.SECONDS).until(() -> updates.retries.size() >= 4);
        List<RecordingUpdates.Retry> retries = List.copyOf(updates.retries);
        assertThat(retries.subList(0, 4)).extracting(RecordingUpdates.Retry::attempt).containsExactly(1, 2, 3, 4);
        assertThat(updates.statuses.get(0).state()).isEqualTo(DataSourceState.INTERRUPTED);
        assertThat(updates.statuses.get(0).error().statusCode()).isEqualTo(503);
        assertThat(started).isNotDone();

        simulator.setFault(UpstreamFault.NONE);

        assertThat(started.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(updates.lastState()).isEqualTo(DataSourceState.VALID);
    }

    @Test
    void aMalformedEventIsReportedOnceAndTheStreamRestartsWithValidDataAfterwards() throws Exception {
        startAndAwaitData();

        simulator.injectMalformedEvent();

        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.inits.size() == 2);
        assertThat(updates.malformed).hasSize(1);
        assertThat(updates.malformed.get(0)).startsWith("patch event: invalid JSON");
        assertThat(updates.statuses).anySatisfy(s -> {
            assertThat(s.state()).isEqualTo(DataSourceState.INTERRUPTED);
            assertThat(s.error().kind()).isEqualTo(ErrorInfo.Kind.INVALID_DATA);
        });
        assertThat(updates.upserts).isEmpty();
        assertThat(updates.retries).extracting(RecordingUpdates.Retry::attempt).containsExactly(1);
        assertThat(updates.lastState()).isEqualTo(DataSourceState.VALID);

        env.toggle("banner-text");
        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.upserts.size() == 1);
        assertThat(updates.malformed).hasSize(1);
    }

    @Test
    void aPatchWithAnUnknownPathOrWithoutVersionIsMalformed() throws Exception {
        startAndAwaitData();

        simulator.injectStreamEvent("patch", "{\"path\":\"/widgets/w1\",\"data\":{\"key\":\"w1\",\"version\":1}}");
        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.malformed.size() == 1);
        assertThat(updates.malformed.get(0)).contains("unknown path \"/widgets/w1\"");

        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.inits.size() == 2);
        simulator.injectStreamEvent("delete", "{\"path\":\"/flags/banner-text\"}");
        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.malformed.size() == 2);
        assertThat(updates.malformed.get(1)).isEqualTo("delete event: no \"version\"");
        assertThat(updates.upserts).isEmpty();
    }

    @Test
    void unknownEventsAreIgnored() throws Exception {
        startAndAwaitData();

        simulator.injectStreamEvent("ping", "{\"whatever\":true}");
        env.toggle("banner-text");

        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.upserts.size() == 1);
        assertThat(updates.malformed).isEmpty();
        assertThat(updates.inits).hasSize(1);
    }

    @Test
    void anEventLargerThanTheLimitIsMalformedAndNothingIsStored() throws Exception {
        source = new StreamingDataSource(settings(SDK_KEY, FAST_RETRY), updates, 2048);
        source.start();

        await().atMost(5, TimeUnit.SECONDS).until(() -> !updates.malformed.isEmpty());
        assertThat(updates.malformed.get(0)).isEqualTo("put event: data exceeds the limit of 2048 bytes");
        assertThat(updates.inits).isEmpty();
    }

    @Test
    void droppedConnectionsAreRetriedAndRecover() throws Exception {
        startAndAwaitData();

        simulator.disconnectStreams();

        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.inits.size() == 2);
        assertThat(updates.statuses).anySatisfy(s -> {
            assertThat(s.state()).isEqualTo(DataSourceState.INTERRUPTED);
            assertThat(s.error().kind()).isEqualTo(ErrorInfo.Kind.NETWORK_ERROR);
        });
        assertThat(updates.lastState()).isEqualTo(DataSourceState.VALID);
    }

    @Test
    void anEventCutShortIsANetworkErrorNotBadData() throws Exception {
        simulator.setFault(UpstreamFault.DROP_MID_EVENT);
        CompletableFuture<Boolean> started = startSource();

        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.retries.size() >= 2);
        assertThat(updates.malformed).isEmpty();
        assertThat(updates.inits).isEmpty();

        simulator.setFault(UpstreamFault.NONE);
        assertThat(started.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void restartReconnectsAtOnceWithoutBackoff() throws Exception {
        // A long backoff proves the reconnect does not wait for it.
        source = new StreamingDataSource(settings(SDK_KEY, Duration.ofSeconds(30)), updates);
        assertThat(source.start().get(5, TimeUnit.SECONDS)).isTrue();

        source.restart();

        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.inits.size() == 2);
        assertThat(streamRequests()).isEqualTo(2);
        assertThat(updates.retries).isEmpty();
        assertThat(updates.lastState()).isEqualTo(DataSourceState.VALID);
    }

    @Test
    void closeReportsOffAndDisconnects() throws Exception {
        CompletableFuture<Boolean> started = startAndAwaitData();
        await().atMost(5, TimeUnit.SECONDS).until(() -> simulator.connectedStreamCount() == 1);

        source.close();

        assertThat(updates.lastStatus()).isEqualTo(new RecordingUpdates.StatusReport(DataSourceState.OFF, null));
        await().atMost(5, TimeUnit.SECONDS).until(() -> simulator.connectedStreamCount() == 0);
        env.toggle("banner-text");
        assertThat(updates.upserts).isEmpty();
        assertThat(started).isCompletedWithValue(true);
    }

    @Test
    void closeWhileRetryingEndsTheWaitAndCompletesTheStartWithFalse() throws Exception {
        simulator.setFault(UpstreamFault.HTTP_503);
        source = new StreamingDataSource(settings(SDK_KEY, Duration.ofSeconds(30)), updates);
        CompletableFuture<Boolean> started = source.start();
        await().atMost(5, TimeUnit.SECONDS).until(() -> updates.retries.size() == 1);

        source.close();

        assertThat(started.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(updates.lastState()).isEqualTo(DataSourceState.OFF);
    }

    @Test
    void closeCalledFromInsideADeliveryDoesNotDeadlock() throws Exception {
        updates.onInit(data -> source.close());
        CompletableFuture<Boolean> started = startSource();

        // The put was stored before close took effect, so the start completes (true or false, but it completes).
        started.get(5, TimeUnit.SECONDS);
        assertThat(updates.lastState()).isEqualTo(DataSourceState.OFF);
        await().atMost(5, TimeUnit.SECONDS).until(() -> simulator.connectedStreamCount() == 0);
    }
}
