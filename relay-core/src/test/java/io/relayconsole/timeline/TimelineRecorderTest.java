package io.relayconsole.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.serving.Readiness;
import io.relayconsole.relay.RelayEvent;
import io.relayconsole.serving.RequestRecord;
import io.relayconsole.serving.SdkConnectionInfo;
import io.relayconsole.store.StoreAccess;
import io.relayconsole.store.StoreStatus;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.DataSourceStatus;
import io.relayconsole.upstream.ErrorInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Feeds the recorder the relay's events as the relay publishes them and reads the diagram it draws. */
class TimelineRecorderTest {
    private static final String ENV = "production";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final TimelineRecorder recorder = new TimelineRecorder(TimelineRecorder.DEFAULT_CAPACITY,
            Duration.ofSeconds(10), env -> Duration.ofSeconds(30), Clock.systemUTC());

    private static SdkConnectionInfo connection(String address, String agent) {
        return new SdkConnectionInfo(1, ENV, address, agent, null, null, "/all", SdkConnectionInfo.Mode.STREAM,
                T0, 0, 0, T0);
    }

    private void storeRead(boolean fromCache, boolean success) {
        recorder.onEvent(new RelayEvent.StoreAccessed(T0, ENV, new StoreAccess(StoreAccess.Operation.READ_ALL,
                fromCache, success, success ? 3 : 0, success ? null : "connection refused")));
    }

    private void upstreamDataStored() {
        recorder.onEvent(new RelayEvent.StoreAccessed(T0, ENV,
                new StoreAccess(StoreAccess.Operation.WRITE_ALL, false, true, 3, null)));
        recorder.onEvent(new RelayEvent.FullDataReceived(T0, ENV, 2, 1, true));
        recorder.onEvent(new RelayEvent.DataSourceStatusChanged(T0, ENV,
                new DataSourceStatus(DataSourceState.VALID, T0, null, null, 0)));
    }

    private List<String> lines() {
        String mermaid = recorder.snapshot(ENV).toMermaid();
        return mermaid.lines().filter(l -> !l.isEmpty() && !l.startsWith("participant")
                && !l.equals("sequenceDiagram")).toList();
    }

    @Test
    void drawsTheUpstreamResponseBeforeTheStoreWriteItCaused() {
        upstreamDataStored();

        assertThat(lines()).containsExactly(
                "Relay Proxy->>LD: Streaming request /all",
                "LD-->>Relay Proxy: Streaming response",
                "Relay Proxy->>Persistent Store: Store all flags with TTL 30 seconds");
        assertThat(recorder.snapshot(ENV).steps().get(2).causedBy()).isEqualTo(Participants.UPSTREAM);
    }

    @Test
    void drawsForwardedEventsAndTheirFailureOnTheLaunchDarklyLane() {
        upstreamDataStored();
        recorder.onEvent(new RelayEvent.EventsDelivered(T0, ENV, io.relayconsole.events.EventKind.SERVER, 12));
        recorder.onEvent(new RelayEvent.EventsFailed(T0, ENV, io.relayconsole.events.EventKind.SERVER_DIAGNOSTIC, 1,
                "HTTP 503"));

        assertThat(lines()).endsWith(
                "Relay Proxy->>LD: Send 12 server event(s)",
                "LD-->>Relay Proxy: Events accepted",
                "Relay Proxy-xLD: Send 1 server diagnostic event(s) - FAILED");
        List<TimelineStep> steps = recorder.snapshot(ENV).steps();
        assertThat(steps.get(steps.size() - 1).detail()).isEqualTo("HTTP 503");
    }

    @Test
    void drawsAnSdksEventPostAsAcceptedWithAFullQueueInsideTheRequest() {
        upstreamDataStored();
        recorder.onEvent(new RelayEvent.EventsDropped(T0, ENV, 5));
        recorder.onEvent(new RelayEvent.RequestServed(T0, new RequestRecord(T0, ENV, "127.0.0.1:50001", "POST",
                "/bulk", 202, 0, "JavaClient/7.13.0", null)));
        recorder.onEvent(new RelayEvent.RequestServed(T0, new RequestRecord(T0, ENV, "127.0.0.1:50002", "GET",
                "/sdk/evalx/abc123/contexts/eyJrZXkiOiJ4In0", 200, 10, "JSClient/3.9.5", null)));

        assertThat(lines()).endsWith(
                "SDK1->>Relay Proxy: Send events /bulk",
                "note over Relay Proxy: Event queue full, drop what does not fit",
                "Relay Proxy-->>SDK1: Accepted",
                "SDK2->>Relay Proxy: Evaluation request /sdk/evalx",
                "Relay Proxy-->>SDK2: Flag values");
    }

    @Test
    void drawsAnSdksStoreReadBetweenItsRequestAndTheAnswer() {
        upstreamDataStored();
        storeRead(true, true);
        recorder.onEvent(new RelayEvent.SdkConnected(T0, connection("127.0.0.1:50001", "JavaClient/7.13.0")));
        storeRead(false, true);
        recorder.onEvent(new RelayEvent.SdkConnected(T0, connection("127.0.0.2:50002", "JavaClient/7.13.0")));

        assertThat(lines()).containsSubsequence(
                "SDK1->>Relay Proxy: Streaming request /all",
                "note over Relay Proxy: TTL fresh, serve from memory",
                "Relay Proxy-->>SDK1: Streaming response",
                "SDK2->>Relay Proxy: Streaming request /all",
                "note over Relay Proxy: TTL expired, read from store",
                "Relay Proxy->>Persistent Store: Get all flags, reset TTL",
                "Relay Proxy-->>SDK2: Streaming response");
        assertThat(recorder.snapshot(ENV).sdkClients()).extracting(SdkClient::name, SdkClient::remoteAddress)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SDK1", "127.0.0.1:50001"),
                        org.assertj.core.groups.Tuple.tuple("SDK2", "127.0.0.2:50002"));
    }

    @Test
    void aStoreOutageDiscoveredByAnSdksReadIsDrawnInsideThatRequest() {
        upstreamDataStored();
        storeRead(true, true);
        recorder.onEvent(new RelayEvent.SdkConnected(T0, connection("127.0.0.1:50001", "sdk")));
        recorder.onEvent(new RelayEvent.StoreStatusChanged(T0, ENV,
                new StoreStatus(false, T0, "connection refused", T0, 1, false)));
        storeRead(false, false);
        recorder.onEvent(new RelayEvent.RequestServed(T0, new RequestRecord(T0, ENV, "127.0.0.1:50002", "GET",
                "/all", 503, 40, "sdk2", "data store unavailable: connection refused")));

        assertThat(lines()).containsSubsequence(
                "SDK2->>Relay Proxy: Streaming request /all",
                "note over Relay Proxy: TTL expired, read from store",
                "note over Persistent Store: Database goes down",
                "Relay Proxy-xPersistent Store: Get all flags - FAILED",
                "Relay Proxy-->>SDK2: Service Unavailable");
    }

    @Test
    void aRefusalAtTheDoorIsOneFailedRequestWithItsReason() {
        recorder.onEvent(new RelayEvent.RequestServed(T0, new RequestRecord(T0, ENV, "127.0.0.1:50001", "GET",
                "/all", 503, 40, "sdk", "environment not initialized yet")));

        assertThat(lines()).containsExactly("SDK1-xRelay Proxy: Streaming request /all - FAILED");
        assertThat(recorder.snapshot(ENV).steps().get(0).detail()).contains("503", "not initialized");
    }

    @Test
    void aRefusalBecauseTheStoreIsDownShowsTheRelaysDecisionAndThe503() {
        upstreamDataStored();
        recorder.onEvent(new RelayEvent.RequestServed(T0, new RequestRecord(T0, ENV, "127.0.0.1:50001", "GET",
                "/all", 503, 40, "sdk", "data store unavailable: Connection refused")));

        assertThat(lines()).containsSubsequence(
                "SDK1->>Relay Proxy: Streaming request /all",
                "note over Relay Proxy: Store down, cache expired, refuse",
                "Relay Proxy-->>SDK1: Service Unavailable");
        assertThat(lines()).noneMatch(l -> l.contains("-xRelay Proxy"));
    }

    @Test
    void upstreamFailuresRetriesAndRecoveryAreDrawnAsTheDocumentDoes() {
        ErrorInfo first = ErrorInfo.httpStatus(503, T0);
        ErrorInfo second = ErrorInfo.httpStatus(503, T0.plusSeconds(1));
        recorder.onEvent(new RelayEvent.ReadinessChanged(T0, ENV, Readiness.NOT_READY));
        recorder.onEvent(new RelayEvent.DataSourceStatusChanged(T0, ENV,
                new DataSourceStatus(DataSourceState.INITIALIZING, T0, first, null, 0)));
        recorder.onEvent(new RelayEvent.DataSourceStatusChanged(T0, ENV,
                new DataSourceStatus(DataSourceState.INITIALIZING, T0, first, T0.plusSeconds(1), 1)));
        recorder.onEvent(new RelayEvent.DataSourceStatusChanged(T0, ENV,
                new DataSourceStatus(DataSourceState.INITIALIZING, T0, second, null, 1)));
        recorder.onEvent(new RelayEvent.ReadinessChanged(T0.plusSeconds(10), ENV, Readiness.READY));
        storeRead(false, true); // the relay's own read when initTimeout passed
        upstreamDataStored();

        assertThat(lines()).containsExactly(
                "Relay Proxy-xLD: Streaming request /all - FAILED",
                "note over LD: LaunchDarkly is down",
                "note over Relay Proxy: Backoff and retry",
                "Relay Proxy-xLD: Streaming request /all - FAILED",
                "note over Relay Proxy: 10 second initTimeout elapses, stop retry",
                "Relay Proxy->>Persistent Store: Get all flags, reset TTL",
                "note over LD: LaunchDarkly comes back up",
                "Relay Proxy->>LD: Streaming request /all",
                "LD-->>Relay Proxy: Streaming response",
                "Relay Proxy->>Persistent Store: Store all flags with TTL 30 seconds");
    }

    @Test
    void aReadNoRequestClaimsIsDrawnOnItsOwnAfterAMoment() {
        storeRead(false, true); // e.g. the operator's "reload cache from store"

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(lines()).containsExactly("Relay Proxy->>Persistent Store: Get all flags, reset TTL"));
    }

    @Test
    void keepsOnlyTheNewestStepsAndTellsListenersInOrder() {
        TimelineRecorder small = new TimelineRecorder(3, Duration.ofSeconds(10), env -> null, Clock.systemUTC());
        List<Long> heard = new CopyOnWriteArrayList<>();
        small.addListener(step -> heard.add(step.sequence()));

        for (int i = 1; i <= 5; i++) {
            small.note(ENV, Participants.RELAY, "step " + i);
        }

        assertThat(small.snapshot(ENV).steps()).extracting(TimelineStep::text)
                .containsExactly("step 3", "step 4", "step 5");
        assertThat(small.dropped(ENV)).isEqualTo(2);
        assertThat(heard).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void keepsEachEnvironmentApartAndRequestsWithUnknownKeysAside() {
        recorder.note("staging", Participants.RELAY, "only in staging");
        recorder.onEvent(new RelayEvent.RequestServed(T0, new RequestRecord(T0, null, "127.0.0.1:1", "GET", "/all",
                401, 30, "sdk", "unknown SDK key sdk-****")));

        assertThat(recorder.environments()).containsExactly("staging", TimelineRecorder.UNKNOWN_ENVIRONMENT);
        assertThat(recorder.snapshot(ENV).steps()).isEmpty();
        assertThat(recorder.snapshot(TimelineRecorder.UNKNOWN_ENVIRONMENT).steps()).hasSize(1);
    }
}
