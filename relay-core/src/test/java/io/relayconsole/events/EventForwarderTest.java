package io.relayconsole.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.EventsConfig;
import io.relayconsole.testing.EventSinkServer;
import io.relayconsole.testing.EventSinkServer.Post;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forwarder against a stand-in events service: what arrives, what is refused, and what an outage costs. */
class EventForwarderTest {
    private static final String SDK_KEY = "sdk-11111111-2222-4333-8444-555555555555";
    private static final String MOBILE_KEY = "mob-11111111-2222-4333-8444-555555555555";
    private static final String ENV_ID = "5f0000000000000000000001";
    private static final EnvironmentConfig ENV = new EnvironmentConfig("production", SDK_KEY, MOBILE_KEY, ENV_ID,
            null, null, List.of(), List.of(), false, null, Duration.ZERO, null);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private EventSinkServer sink;
    private EventForwarder forwarder;

    @BeforeEach
    void startSink() throws IOException {
        sink = new EventSinkServer();
    }

    @AfterEach
    void stop() {
        if (forwarder != null) {
            forwarder.close();
        }
        sink.close();
    }

    /** A forwarder that flushes only when told (or when its queue is full), unless flushInterval is given. */
    private EventForwarder forwarder(int capacity, long maxInbound, Duration flushInterval, Duration timeout) {
        EventsConfig config = new EventsConfig(true, sink.uri(), flushInterval, capacity, false, maxInbound);
        forwarder = new EventForwarder(config, ENV, Clock.systemUTC(), timeout, Duration.ofMillis(100));
        return forwarder;
    }

    private EventForwarder forwarder() {
        return forwarder(1000, 0, Duration.ofHours(1), Duration.ofSeconds(10));
    }

    private static Map<String, String> javaSdkHeaders() {
        Map<String, String> h = new HashMap<>();
        h.put("content-type", "application/json; charset=utf-8");
        h.put("X-LaunchDarkly-Event-Schema", "4");
        h.put("User-Agent", "JavaClient/7.13.0");
        h.put("X-LaunchDarkly-Wrapper", "my-wrapper/1.0");
        h.put("X-LaunchDarkly-Tags", "application-id/checkout");
        return h;
    }

    /** An index event with a context and a summary of {@code evaluations} evaluations of one flag. */
    private static byte[] events(String contextKey, int evaluations) {
        return ("[{\"kind\":\"index\",\"creationDate\":1,\"context\":{\"kind\":\"user\",\"key\":\"" + contextKey
                + "\",\"email\":\"someone@example.com\"}},"
                + "{\"kind\":\"summary\",\"startDate\":1,\"endDate\":2,\"features\":{\"checkout\":{\"default\":false,"
                + "\"contextKinds\":[\"user\"],\"counters\":[{\"value\":true,\"variation\":0,\"version\":3,\"count\":"
                + evaluations + "}]}}}]").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] nEvents(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"kind\":\"custom\",\"key\":\"click\",\"creationDate\":").append(i)
                    .append("}");
        }
        return sb.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code n} custom events with the keys e{first}, e{first + 1}, ...: which of them arrive is visible. */
    private static byte[] numberedEvents(int first, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"kind\":\"custom\",\"key\":\"e").append(first + i)
                    .append("\",\"creationDate\":1}");
        }
        return sb.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void eachKindReachesItsLdRelayPathWithTheEnvironmentsOwnCredentialAndTheSdksHeaders() throws Exception {
        EventForwarder f = forwarder();
        assertThat(f.accept(EventKind.SERVER, events("ctx-a", 3), javaSdkHeaders()).status()).isEqualTo(202);
        Map<String, String> gzipped = javaSdkHeaders();
        gzipped.put("Content-Encoding", "gzip");
        assertThat(f.accept(EventKind.SERVER, gzip(events("ctx-b", 2)), gzipped).status()).isEqualTo(202);
        assertThat(f.accept(EventKind.MOBILE, events("ctx-m", 1), javaSdkHeaders()).status()).isEqualTo(202);
        assertThat(f.accept(EventKind.CLIENT_SIDE, events("ctx-js", 1), javaSdkHeaders()).status()).isEqualTo(202);
        assertThat(f.accept(EventKind.SERVER_DIAGNOSTIC, "{\"kind\":\"diagnostic-init\",\"id\":{}}"
                .getBytes(StandardCharsets.UTF_8), javaSdkHeaders()).status()).isEqualTo(202);
        assertThat(f.stats().queued()).isEqualTo(9);

        f.flush();

        await().atMost(WAIT).until(() -> sink.posts().size() == 4);
        Post bulk = sink.accepted("/bulk").get(0);
        assertThat(bulk.body()).as("both server payloads in one batch").hasSize(4);
        assertThat(bulk.header("Authorization")).isEqualTo(SDK_KEY);
        assertThat(bulk.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(bulk.header("X-LaunchDarkly-Event-Schema")).isEqualTo("4");
        assertThat(bulk.header("X-LaunchDarkly-Payload-ID")).matches("[0-9a-f-]{36}");
        assertThat(bulk.header("User-Agent")).isEqualTo("JavaClient/7.13.0");
        assertThat(bulk.header("X-LaunchDarkly-Wrapper")).isEqualTo("my-wrapper/1.0");
        assertThat(bulk.header("X-LaunchDarkly-Tags")).isEqualTo("application-id/checkout");
        assertThat(sink.accepted("/mobile").get(0).header("Authorization")).isEqualTo(MOBILE_KEY);
        Post js = sink.accepted("/events/bulk/" + ENV_ID).get(0);
        assertThat(js.header("Authorization")).as("client-side events carry no key").isNull();
        Post diagnostic = sink.accepted("/diagnostic").get(0);
        assertThat(diagnostic.body().path("kind").asText()).isEqualTo("diagnostic-init");
        assertThat(diagnostic.header("Authorization")).isEqualTo(SDK_KEY);

        await().atMost(WAIT).until(() -> f.stats().forwarded() == 9);
        EventStats stats = f.stats();
        assertThat(stats.received()).isEqualTo(9);
        assertThat(stats.queued() + stats.sending() + stats.failed() + stats.dropped()).isZero();
        assertThat(stats.lastDelivery()).isNotNull();
        assertThat(stats.lastError()).isNull();
        RecentPayload first = stats.recent().get(0);
        assertThat(first.kind()).isEqualTo(EventKind.SERVER);
        assertThat(first.sdk()).isEqualTo("JavaClient/7.13.0");
        assertThat(first.wrapper()).isEqualTo("my-wrapper/1.0");
        assertThat(first.schema()).isEqualTo(4);
        assertThat(first.eventKinds()).containsEntry("index", 1).containsEntry("summary", 1);
        assertThat(first.evaluations()).isEqualTo(3);
        assertThat(first.outcome()).isEqualTo(RecentPayload.Outcome.QUEUED);
        // What a console shows never holds contexts or keys.
        assertThat(stats.toString()).doesNotContain("ctx-a", "someone@example.com", SDK_KEY, MOBILE_KEY);
    }

    @Test
    void batchesAreFlushedEveryFlushIntervalWithoutBeingAsked() {
        EventForwarder f = forwarder(1000, 0, Duration.ofMillis(200), Duration.ofSeconds(10));
        f.accept(EventKind.SERVER, events("ctx", 1), javaSdkHeaders());
        await().atMost(WAIT).until(() -> sink.accepted("/bulk").size() == 1);
        f.accept(EventKind.SERVER, events("ctx", 1), javaSdkHeaders());
        await().atMost(WAIT).until(() -> sink.accepted("/bulk").size() == 2);
    }

    @Test
    void badInputGetsAClearStatusAndValidEventsStillFlow() throws Exception {
        EventForwarder f = forwarder(1000, 2048, Duration.ofHours(1), Duration.ofSeconds(10));
        Map<String, String> json = javaSdkHeaders();

        Acceptance malformed = f.accept(EventKind.SERVER, "[{\"kind\":".getBytes(StandardCharsets.UTF_8), json);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.message()).startsWith("malformed JSON at line 1");

        Map<String, String> text = javaSdkHeaders();
        text.put("Content-Type", "text/plain");
        assertThat(f.accept(EventKind.SERVER, events("c", 1), text))
                .isEqualTo(new Acceptance(415, "Content-Type must be application/json, not text/plain"));
        assertThat(f.accept(EventKind.SERVER, new byte[0], json))
                .isEqualTo(new Acceptance(400, "body may not be empty"));
        assertThat(f.accept(EventKind.SERVER, nEvents(100), json))
                .isEqualTo(new Acceptance(413, "payload larger than 2048 bytes (maxInboundPayloadSize)"));
        Map<String, String> gzipped = javaSdkHeaders();
        gzipped.put("Content-Encoding", "gzip");
        byte[] bomb = gzip(nEvents(100));
        assertThat(bomb.length).isLessThan(2048);
        assertThat(f.accept(EventKind.SERVER, bomb, gzipped).status()).as("limit applies once inflated").isEqualTo(413);
        assertThat(f.accept(EventKind.SERVER, "{\"kind\":\"custom\"}".getBytes(StandardCharsets.UTF_8), json).message())
                .isEqualTo("an events payload must be a JSON array of events");
        Map<String, String> php = javaSdkHeaders();
        php.put("X-LaunchDarkly-Event-Schema", "2");
        Acceptance oldSchema = f.accept(EventKind.SERVER, events("c", 1), php);
        assertThat(oldSchema.status()).isEqualTo(400);
        assertThat(oldSchema.message()).contains("event schema 2").contains("not supported by this relay");

        assertThat(f.accept(EventKind.SERVER, events("c", 1), json).status()).isEqualTo(202);
        f.flush();
        await().atMost(WAIT).until(() -> f.stats().forwarded() == 2);
        EventStats stats = f.stats();
        assertThat(stats.refusedPayloads()).isEqualTo(7);
        assertThat(stats.received()).isEqualTo(2);
        assertThat(stats.recent()).filteredOn(p -> p.outcome() == RecentPayload.Outcome.REFUSED).hasSize(7)
                .allSatisfy(p -> assertThat(p.detail()).isNotBlank());
    }

    @Test
    void aFailingEventsServiceGetsOneRetryWithTheSamePayloadIdAndThenEventsCountAsFailed() throws Exception {
        EventForwarder f = forwarder();
        sink.answer(503);
        f.accept(EventKind.SERVER, events("c", 1), javaSdkHeaders());
        f.flush();
        await().atMost(WAIT).until(() -> f.stats().failed() == 2);
        List<Post> attempts = sink.posts();
        assertThat(attempts).hasSize(2).allSatisfy(p -> assertThat(p.status()).isEqualTo(503));
        assertThat(attempts.get(1).header("X-LaunchDarkly-Payload-ID"))
                .as("the retry is the same payload, so it is never counted twice")
                .isEqualTo(attempts.get(0).header("X-LaunchDarkly-Payload-ID"));
        assertThat(f.stats().lastError()).isEqualTo("HTTP 503 from /bulk");

        sink.recover();
        f.accept(EventKind.SERVER, events("c", 1), javaSdkHeaders());
        f.flush();
        await().atMost(WAIT).until(() -> f.stats().forwarded() == 2);
        assertThat(sink.accepted("/bulk")).hasSize(1);
    }

    @Test
    void theDeliveryListenerHearsEachPostsOutcomeAfterItsRetry() throws Exception {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        EventsConfig config = new EventsConfig(true, sink.uri(), Duration.ofHours(1), 1000, false, 0);
        forwarder = new EventForwarder(config, ENV, Clock.systemUTC(), Duration.ofSeconds(10), Duration.ofMillis(100),
                new DeliveryListener() {
                    @Override
                    public void delivered(EventKind kind, int events, java.time.Instant time) {
                        heard.add("delivered " + events + " " + kind.label());
                    }

                    @Override
                    public void failed(EventKind kind, int events, String error, java.time.Instant time) {
                        heard.add("failed " + events + " " + kind.label() + ": " + error);
                    }
                });
        forwarder.accept(EventKind.SERVER, events("c", 1), javaSdkHeaders());
        forwarder.flush();
        await().atMost(WAIT).until(() -> heard.size() == 1);
        sink.answer(503);
        forwarder.accept(EventKind.SERVER, nEvents(3), javaSdkHeaders());
        forwarder.flush();
        await().atMost(WAIT).until(() -> heard.size() == 2);

        assertThat(heard).containsExactly("delivered 2 server", "failed 3 server: HTTP 503 from /bulk");
    }

    @Test
    void anUnrecoverableRejectionIsNotRetried() {
        EventForwarder f = forwarder();
        sink.answer(401);
        f.accept(EventKind.SERVER, events("c", 1), javaSdkHeaders());
        f.flush();
        await().atMost(WAIT).until(() -> f.stats().failed() == 2);
        assertThat(sink.posts()).hasSize(1);
    }

    @Test
    void whileTheEventsServiceHangsTheQueueStaysBoundedAndEventsAfterRecoveryArrive() throws Exception {
        EventForwarder f = forwarder(10, 0, Duration.ofHours(1), Duration.ofMillis(500));
        sink.hang();
        assertThat(f.accept(EventKind.SERVER, nEvents(10), javaSdkHeaders()).status())
                .as("a full queue flushes at once").isEqualTo(202);
        await().atMost(WAIT).until(() -> f.stats().sending() == 10);
        for (int i = 0; i < 5; i++) {
            assertThat(f.accept(EventKind.SERVER, nEvents(3), javaSdkHeaders()).status()).isEqualTo(202);
        }
        EventStats during = f.stats();
        assertThat(during.queued()).isLessThanOrEqualTo(10);
        assertThat(during.dropped()).isGreaterThanOrEqualTo(5);
        assertThat(during.recent()).extracting(RecentPayload::outcome).contains(RecentPayload.Outcome.DROPPED);

        await().atMost(WAIT).until(() -> f.stats().failed() >= 10);
        assertThat(f.stats().lastError()).contains("/bulk");

        sink.recover();
        f.accept(EventKind.SERVER, events("after", 1), javaSdkHeaders());
        f.flush();
        await().atMost(WAIT).untilAsserted(() -> assertThat(sink.accepted("/bulk"))
                .anySatisfy(p -> assertThat(p.body().toString()).contains("after")));
        await().atMost(WAIT).untilAsserted(() -> {
            EventStats s = f.stats();
            assertThat(s.received()).isEqualTo(s.queued() + s.sending() + s.forwarded() + s.failed() + s.dropped());
        });
    }

    @Test
    void eventsInFlightCountAgainstTheCapacitySoAHangingPostAndTheQueueNeverHoldMoreThanIt() throws Exception {
        EventForwarder f = forwarder(10, 0, Duration.ofHours(1), Duration.ofSeconds(30));
        sink.hang();
        f.accept(EventKind.SERVER, numberedEvents(0, 4), javaSdkHeaders());
        f.flush();
        await().atMost(WAIT).until(() -> f.stats().sending() == 4);

        for (int p = 1; p <= 4; p++) {
            assertThat(f.accept(EventKind.SERVER, numberedEvents(p * 100, 4), javaSdkHeaders()).status())
                    .as("SDKs get 202 even when their events are dropped").isEqualTo(202);
            EventStats s = f.stats();
            assertThat(s.queued() + s.sending()).as("queued plus in flight, after payload %d", p)
                    .isLessThanOrEqualTo(10);
        }
        EventStats during = f.stats();
        assertThat(during.sending()).as("the hanging post").isEqualTo(4);
        assertThat(during.queued()).as("what fits beside it").isEqualTo(6);
        assertThat(during.dropped()).as("the rest, counted").isEqualTo(10);
        assertThat(during.received()).isEqualTo(20);
        assertThat(during.recent()).extracting(RecentPayload::outcome).containsSubsequence(
                RecentPayload.Outcome.QUEUED, RecentPayload.Outcome.PARTLY_DROPPED, RecentPayload.Outcome.DROPPED);

        sink.recover();
        // The full queue is posted right after the stalled post, without waiting for the (hour-long) interval.
        await().atMost(WAIT).until(() -> f.stats().forwarded() == 10);
        List<Post> delivered = sink.accepted("/bulk");
        assertThat(delivered).flatExtracting(p -> p.body().findValuesAsText("key"))
                .as("exactly the capacity's worth, each event once, in order")
                .containsExactly("e0", "e1", "e2", "e3", "e100", "e101", "e102", "e103", "e200", "e201");
        assertThat(delivered).extracting(p -> p.header("X-LaunchDarkly-Payload-ID")).doesNotHaveDuplicates();
        EventStats after = f.stats();
        assertThat(after.queued() + after.sending() + after.failed()).isZero();
        assertThat(after.received()).isEqualTo(after.forwarded() + after.dropped());
    }

    @Test
    void aHalfFullQueueIsPostedAtOnceSoTheOtherHalfTakesWhatArrivesDuringThePost() {
        EventForwarder f = forwarder(10, 0, Duration.ofHours(1), Duration.ofSeconds(10));
        f.accept(EventKind.SERVER, numberedEvents(0, 4), javaSdkHeaders());
        assertThat(f.stats().queued()).as("below half: waits for the interval").isEqualTo(4);
        f.accept(EventKind.SERVER, numberedEvents(100, 1), javaSdkHeaders());
        await().atMost(WAIT).until(() -> f.stats().forwarded() == 5);
        assertThat(sink.accepted("/bulk")).hasSize(1);
    }

    @Test
    void aRefusedConnectionCountsAsFailedAndDeliveryResumesWhenTheServiceIsBack() throws Exception {
        EventForwarder f = forwarder();
        sink.refuse();
        f.accept(EventKind.SERVER, events("c", 1), javaSdkHeaders());
        f.flush();
        await().atMost(WAIT).until(() -> f.stats().failed() == 2);
        assertThat(f.stats().lastError()).isNotBlank();
        sink.recover();
        f.accept(EventKind.SERVER, events("c", 1), javaSdkHeaders());
        f.flush();
        await().atMost(WAIT).until(() -> f.stats().forwarded() == 2);
    }

    @Test
    void anSdkRetryOfAPayloadTheRelayAlreadyHasIsNotCountedTwice() {
        EventForwarder f = forwarder();
        Map<String, String> headers = javaSdkHeaders();
        headers.put("X-LaunchDarkly-Payload-ID", "7b5c9e1c-4f0e-4a36-9d55-0d4fb2a3a001");
        assertThat(f.accept(EventKind.SERVER, events("c", 1), headers).status()).isEqualTo(202);
        assertThat(f.accept(EventKind.SERVER, events("c", 1), headers).status()).isEqualTo(202);
        EventStats stats = f.stats();
        assertThat(stats.received()).isEqualTo(2);
        assertThat(stats.duplicatePayloads()).isEqualTo(1);
    }

    @Test
    void imageBeaconEventsAreForwardedAsSchema3ClientSideEvents() {
        EventForwarder f = forwarder();
        String d = Base64.getEncoder().encodeToString(events("c", 1));
        assertThat(f.acceptBeacon(d, Map.of("User-Agent", "Mozilla/5.0")).status()).isEqualTo(202);
        assertThat(f.acceptBeacon("not base64!", Map.of()).status()).isEqualTo(400);
        f.flush();
        await().atMost(WAIT).until(() -> sink.accepted("/events/bulk/" + ENV_ID).size() == 1);
        Post post = sink.accepted("/events/bulk/" + ENV_ID).get(0);
        assertThat(post.header("X-LaunchDarkly-Event-Schema")).isEqualTo("3");
        assertThat(post.body()).hasSize(2);
    }

    @Test
    void theBuiltInSinkCountsWhatArrivesWithoutKeepingContexts() {
        EventSink s = new EventSink();
        assertThat(s.receive(EventKind.SERVER, events("ctx-z", 5), javaSdkHeaders()).status()).isEqualTo(202);
        assertThat(s.receive(EventKind.SERVER, "nope".getBytes(StandardCharsets.UTF_8), javaSdkHeaders()).status())
                .isEqualTo(400);
        EventStats stats = s.stats();
        assertThat(stats.received()).isEqualTo(2);
        assertThat(stats.refusedPayloads()).isEqualTo(1);
        assertThat(stats.recent().get(0).evaluations()).isEqualTo(5);
        assertThat(stats.toString()).doesNotContain("ctx-z");
    }
}
