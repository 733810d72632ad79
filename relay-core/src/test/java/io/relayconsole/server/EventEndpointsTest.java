package io.relayconsole.server;

import static io.relayconsole.server.ServerTestSupport.HTTP;
import static io.relayconsole.server.ServerTestSupport.KEY_A;
import static io.relayconsole.server.ServerTestSupport.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.testing.ManualDataSource;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.EventsConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.events.EventStats;
import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.testing.EventSinkServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event endpoints over HTTP: each route with its credential, bad input, outages, and what the snapshot shows. */
class EventEndpointsTest {
    private static final String MOBILE_KEY = "mob-aaaaaaaa-1111-2222-3333-444444444444";
    private static final String ENV_ID = "5f00000000000000000000aa";
    private static final String EVENTS = "[{\"kind\":\"custom\",\"key\":\"click\",\"creationDate\":1,"
            + "\"context\":{\"kind\":\"user\",\"key\":\"u-42\"}}]";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private EventSinkServer sink;
    private Relay relay;

    @BeforeEach
    void start() throws Exception {
        sink = new EventSinkServer();
    }

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
        sink.close();
    }

    /** Environments that never get flag data (initTimeout 1 h): events need none. */
    private void startRelay(EventsConfig events) throws Exception {
        EnvironmentConfig a = new EnvironmentConfig("a", KEY_A, MOBILE_KEY, ENV_ID, null, null,
                List.of("https://app.example.com"), List.of(), false, null, Duration.ZERO, null);
        RelayConfig config = new RelayConfig(ServerTestSupport.main(Duration.ofHours(1), Duration.ofMinutes(3)), events,
                List.of(a, EnvironmentConfig.of("b", KEY_B)));
        relay = new Relay(config, RelayOptions.builder().dataSourceFactory(new ManualDataSource.Factory())
                .bindAddress("127.0.0.1").build()).start();
    }

    private EventsConfig events(int capacity) {
        return new EventsConfig(true, sink.uri(), Duration.ofMillis(100), capacity, false, 4096);
    }

    private HttpResponse<String> post(String path, String auth, String contentType, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.port() + path))
                .header("Content-Type", contentType).header("X-LaunchDarkly-Event-Schema", "4")
                .header("User-Agent", "JavaClient/7.13.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            r.header("Authorization", auth);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String auth, String body) throws Exception {
        return post(path, auth, "application/json", body);
    }

    private EventStats stats(String env) {
        return relay.snapshot().environments().stream().filter(e -> e.name().equals(env)).findFirst()
                .map(EnvironmentSnapshot::events).orElseThrow();
    }

    @Test
    void everyEventRouteAnswers202WithItsCredentialAndReachesLdRelaysPath() throws Exception {
        startRelay(events(1000));
        assertThat(post("/bulk", KEY_A, EVENTS).statusCode()).isEqualTo(202);
        assertThat(post("/bulk", "api_key " + KEY_B, EVENTS).statusCode()).isEqualTo(202);
        assertThat(post("/diagnostic", KEY_A, "{\"kind\":\"diagnostic\"}").statusCode()).isEqualTo(202);
        for (String path : List.of("/mobile", "/mobile/events", "/mobile/events/bulk")) {
            assertThat(post(path, MOBILE_KEY, EVENTS).statusCode()).as(path).isEqualTo(202);
        }
        assertThat(post("/mobile/events/diagnostic", MOBILE_KEY, "{\"kind\":\"diagnostic\"}").statusCode())
                .isEqualTo(202);
        assertThat(post("/events/bulk/" + ENV_ID, null, EVENTS).statusCode()).isEqualTo(202);
        assertThat(post("/events/diagnostic/" + ENV_ID, null, "{\"kind\":\"diagnostic\"}").statusCode())
                .isEqualTo(202);
        HttpResponse<byte[]> gif = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.port()
                + "/a/" + ENV_ID + ".gif?d=" + Base64.getEncoder().encodeToString(EVENTS.getBytes()))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gif.statusCode()).isEqualTo(200);
        assertThat(gif.headers().firstValue("Content-Type")).contains("image/gif");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(sink.accepted("/bulk")).extracting(p -> p.header("Authorization"))
                    .containsExactlyInAnyOrder(KEY_A, KEY_B);
            assertThat(sink.accepted("/mobile")).isNotEmpty().allSatisfy(p ->
                    assertThat(p.header("Authorization")).isEqualTo(MOBILE_KEY));
            assertThat(sink.accepted("/events/bulk/" + ENV_ID)).isNotEmpty();
            assertThat(sink.accepted("/diagnostic")).hasSize(1);
            assertThat(sink.accepted("/mobile/events/diagnostic")).hasSize(1);
            assertThat(sink.accepted("/events/diagnostic/" + ENV_ID)).hasSize(1);
        });
        await().atMost(WAIT).until(() -> stats("a").forwarded() == 9);
        EventStats a = stats("a");
        assertThat(a.enabled()).isTrue();
        assertThat(a.received()).isEqualTo(9);
        assertThat(a.destination()).isEqualTo(sink.uri().toString());
        assertThat(stats("b").forwarded()).isEqualTo(1);
    }

    @Test
    void unknownCredentialsGetWhatLdRelayAnswers() throws Exception {
        startRelay(events(1000));
        HttpResponse<String> unknown = post("/bulk", "sdk-00000000-0000-4000-8000-000000000bad", EVENTS);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("Unknown SDK key sdk-").doesNotContain("000000000bad0");
        assertThat(post("/bulk", null, EVENTS).statusCode()).isEqualTo(401);
        assertThat(post("/mobile", KEY_A, EVENTS).statusCode()).as("an SDK key is not a mobile key").isEqualTo(401);
        assertThat(post("/bulk", MOBILE_KEY, EVENTS).statusCode()).isEqualTo(401);
        HttpResponse<String> js = post("/events/bulk/5f00000000000000000000ff", null, EVENTS);
        assertThat(js.statusCode()).isEqualTo(404);
        assertThat(js.body()).contains("Unknown client-side environment ID");
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.port()
                + "/bulk")).header("Authorization", KEY_A).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(stats("a").received()).isZero();
    }

    @Test
    void badInputGetsAClearStatusAndLaterEventsStillFlow() throws Exception {
        startRelay(events(1000));
        HttpResponse<String> malformed = post("/bulk", KEY_A, "[{\"kind\":\"custom\",");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).startsWith("{\"message\":\"malformed JSON at line 1");
        assertThat(post("/bulk", KEY_A, "text/plain", EVENTS).statusCode()).isEqualTo(415);
        HttpResponse<String> large = post("/bulk", KEY_A, "[" + "{\"kind\":\"custom\"},".repeat(300) + "{}]");
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).contains("maxInboundPayloadSize");
        assertThat(post("/bulk", KEY_A, "").body()).isEqualTo("{\"message\":\"body may not be empty\"}");

        assertThat(post("/bulk", KEY_A, EVENTS).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> sink.accepted("/bulk").size() == 1);
        assertThat(stats("a").refusedPayloads()).isEqualTo(4);
        assertThat(relay.requests().recent()).anySatisfy(r -> assertThat(r.status()).isEqualTo(415));
    }

    @Test
    void withSendEventsOffEventsGetLdRelays503() throws Exception {
        startRelay(EventsConfig.defaults());
        HttpResponse<String> r = post("/bulk", KEY_A, EVENTS);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("{\"message\":\"Event proxy is not enabled for this environment\"}");
        assertThat(stats("a")).isEqualTo(EventStats.disabled());
    }

    @Test
    void clientSideRoutesAnswerCorsPreflights() throws Exception {
        startRelay(events(1000));
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + relay.port() + "/events/bulk/" + ENV_ID)).header("Origin", "https://app.example.com")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example.com");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
                .contains("X-LaunchDarkly-Event-Schema");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("POST,OPTIONS");
    }

    @Test
    void whileTheEventsServiceFailsSdksStillGet202AndTheCountersSayWhatWasLost() throws Exception {
        startRelay(events(5));
        sink.answer(503);
        for (int i = 0; i < 3; i++) {
            assertThat(post("/bulk", KEY_A, EVENTS).statusCode()).isEqualTo(202);
        }
        await().atMost(WAIT).until(() -> stats("a").failed() == 3);
        assertThat(stats("a").lastError()).isEqualTo("HTTP 503 from /bulk");

        sink.hang();
        for (int i = 0; i < 20; i++) {
            assertThat(post("/bulk", KEY_A, EVENTS).statusCode()).as("202 while the events service hangs")
                    .isEqualTo(202);
        }
        EventStats hanging = stats("a");
        assertThat(hanging.queued()).isLessThanOrEqualTo(5);
        assertThat(hanging.dropped()).as("beyond capacity, dropped and counted").isGreaterThan(0);

        sink.recover();
        await().atMost(WAIT).until(() -> stats("a").queued() + stats("a").sending() == 0);
        post("/bulk", KEY_A, "[{\"kind\":\"custom\",\"key\":\"after-recovery\"}]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sink.accepted("/bulk"))
                .anySatisfy(p -> assertThat(p.body().toString()).contains("after-recovery")));
    }
}
