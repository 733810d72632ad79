package io.relayconsole.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.EventsConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.config.SimulatorConfig;
import io.relayconsole.events.EventKind;
import io.relayconsole.events.EventStats;
import io.relayconsole.events.RecentPayload;
import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.testing.EventSinkServer;
import io.relayconsole.testing.SdkProcess;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue acceptance for event forwarding: unmodified LaunchDarkly SDKs (Java 7, Node 9) in proxy mode with events
 * on send them to the relay, which forwards them to a stand-in events service with the environment's own key,
 * the schema header and summary counters that match the evaluations made.
 */
class EventForwardingAcceptanceTest {
    private static final String PROD_KEY = "sdk-11111111-2222-4333-8444-555555555555";
    private static final String STAGING_KEY = "sdk-66666666-7777-4888-9999-000000000000";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EventSinkServer sink;
    private static RelayRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        sink = new EventSinkServer();
        EventsConfig events = new EventsConfig(true, sink.uri(), Duration.ofMillis(200), 1000, false, 0);
        RelayConfig config = new RelayConfig(MainConfig.defaults().withPort(0), events, List.of(
                        EnvironmentConfig.of("production", PROD_KEY), EnvironmentConfig.of("staging", STAGING_KEY)))
                // eventsUri was set, so the simulator serves flags but the stand-in service gets the events
                .withSimulator(new SimulatorConfig(true, 0, true, true, false));
        runtime = RelayRuntime.start(config, RelayOptions.builder().bindAddress("127.0.0.1")
                .initialReconnectDelay(Duration.ofMillis(100)).build());
        for (String key : List.of(PROD_KEY, STAGING_KEY)) {
            runtime.simulator().orElseThrow().environment(key).putFlag("{\"key\":\"events-flag\",\"on\":true,"
                    + "\"variations\":[\"a\",\"b\"],\"fallthrough\":{\"variation\":1},\"offVariation\":0}");
        }
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    private static URI relayUri() {
        return URI.create("http://127.0.0.1:" + runtime.relay().port());
    }

    /** Evaluations of {@code flag} the events service was told of, in /bulk posts made with {@code key}. */
    private static long summarizedEvaluations(String key, String flag) {
        long count = 0;
        for (EventSinkServer.Post post : sink.accepted("/bulk")) {
            if (!key.equals(post.header("Authorization"))) {
                continue;
            }
            for (JsonNode event : post.body()) {
                if (event.path("kind").asText().equals("summary")) {
                    for (JsonNode counter : event.path("features").path(flag).path("counters")) {
                        count += counter.path("count").asLong();
                    }
                }
            }
        }
        return count;
    }

    private static EventStats stats(String env) {
        return runtime.relay().snapshot().environments().stream().filter(e -> e.name().equals(env)).findFirst()
                .map(EnvironmentSnapshot::events).orElseThrow();
    }

    private static LDClient javaSdk(String key) {
        return new LDClient(key, new LDConfig.Builder()
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(relayUri()))
                .events(Components.sendEvents().flushInterval(Duration.ofMillis(100)))
                .startWait(Duration.ofSeconds(15)).build());
    }

    @Test
    void theJavaSdksEventsReachTheEventsServiceWithTheEnvironmentsKeyAndMatchingSummaryCounts() throws Exception {
        long before = summarizedEvaluations(PROD_KEY, "events-flag");
        try (LDClient client = javaSdk(PROD_KEY)) {
            assertThat(client.isInitialized()).isTrue();
            LDContext user = LDContext.builder("acceptance-user").set("email", "private@example.com").build();
            for (int i = 0; i < 7; i++) {
                assertThat(client.stringVariation("events-flag", user, "?")).isEqualTo("b");
            }
            client.flush();
            await().atMost(WAIT).until(() -> summarizedEvaluations(PROD_KEY, "events-flag") - before == 7);
            await().atMost(WAIT).until(() -> !sink.accepted("/diagnostic").isEmpty());
        }
        EventSinkServer.Post bulk = sink.accepted("/bulk").stream()
                .filter(p -> PROD_KEY.equals(p.header("Authorization"))).findFirst().orElseThrow();
        assertThat(bulk.header("X-LaunchDarkly-Event-Schema")).isEqualTo("4");
        assertThat(bulk.header("User-Agent")).startsWith("JavaClient/7.");
        assertThat(bulk.header("X-LaunchDarkly-Payload-ID")).isNotBlank();
        assertThat(sink.accepted("/diagnostic").get(0).body().path("kind").asText()).isEqualTo("diagnostic-init");

        EventStats stats = stats("production");
        assertThat(stats.forwarded()).isGreaterThanOrEqualTo(2);
        assertThat(stats.recent()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(EventKind.SERVER);
            assertThat(p.sdk()).startsWith("JavaClient/7.");
            assertThat(p.evaluations()).isEqualTo(7);
        });
        assertThat(stats.toString()).doesNotContain("acceptance-user", "private@example.com", PROD_KEY);
    }

    @Test
    void theNodeSdksEventsReachTheEventsServiceWithTheEnvironmentsKeyAndMatchingSummaryCounts() throws Exception {
        long before = summarizedEvaluations(STAGING_KEY, "events-flag");
        try (SdkProcess node = SdkProcess.node("node", "proxy-client.mjs", "@launchdarkly/node-server-sdk",
                Map.of("RELAY_URL", relayUri().toString(), "SDK_KEY", STAGING_KEY, "SEND_EVENTS", "1"))) {
            assertThat(node.isReady()).as(node.readyError()).isTrue();
            Map<String, Object> context = Map.of("kind", "user", "key", "node-user");
            List<SdkProcess.Evaluation> three = List.of(new SdkProcess.Evaluation("events-flag", context, "?"),
                    new SdkProcess.Evaluation("events-flag", context, "?"),
                    new SdkProcess.Evaluation("events-flag", context, "?"));
            assertThat(node.values(three)).allSatisfy(v -> assertThat(v.asText()).isEqualTo("b"));
            node.flushEvents();
            await().atMost(WAIT).until(() -> summarizedEvaluations(STAGING_KEY, "events-flag") - before == 3);
        }
        EventSinkServer.Post bulk = sink.accepted("/bulk").stream()
                .filter(p -> STAGING_KEY.equals(p.header("Authorization"))).findFirst().orElseThrow();
        assertThat(bulk.header("X-LaunchDarkly-Event-Schema")).isEqualTo("4");
        assertThat(bulk.header("User-Agent")).startsWith("NodeJSClient/");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sink.accepted("/diagnostic"))
                .anySatisfy(p -> assertThat(p.header("Authorization")).isEqualTo(STAGING_KEY)));
        assertThat(stats("staging").recent()).extracting(RecentPayload::sdk)
                .anySatisfy(sdk -> assertThat(sdk).startsWith("NodeJSClient/"));
    }

    @Test
    void aDevelopmentRelayWithTheBuiltInUpstreamShowsWhatTheApplicationSends() throws Exception {
        RelayConfig config = RelayConfig.of(MainConfig.defaults().withPort(0),
                        List.of(EnvironmentConfig.of("development", PROD_KEY)))
                .withSimulator(new SimulatorConfig(true, 0, true, true))
                .withEvents(EventsConfig.defaults().withSendEvents(true));
        try (RelayRuntime dev = RelayRuntime.start(config, RelayOptions.builder().bindAddress("127.0.0.1").build());
             LDClient client = new LDClient(PROD_KEY, new LDConfig.Builder()
                     .serviceEndpoints(Components.serviceEndpoints()
                             .relayProxy(URI.create("http://127.0.0.1:" + dev.relay().port())))
                     .startWait(Duration.ofSeconds(15)).build())) {
            assertThat(dev.relay().config().events().eventsUri()).isEqualTo(dev.simulator().orElseThrow().baseUri());
            client.boolVariation("any-flag", LDContext.create("dev-user"), false);
            client.flush();
            await().atMost(WAIT).untilAsserted(() -> assertThat(dev.simulator().orElseThrow().events().stats()
                    .recent()).anySatisfy(p -> {
                        assertThat(p.kind()).isEqualTo(EventKind.SERVER);
                        assertThat(p.sdk()).startsWith("JavaClient/7.");
                        assertThat(p.eventKinds()).containsKey("summary");
                    }));
        }
    }

    @Test
    void duringAnEventsServiceOutageTheSdkIsStillServedAndEventsAfterRecoveryArrive() throws Exception {
        try (LDClient client = javaSdk(PROD_KEY)) {
            LDContext user = LDContext.create("outage-user");
            long failedBefore = stats("production").failed();
            sink.answer(503);
            client.stringVariation("events-flag", user, "?");
            client.flush();
            await().atMost(WAIT).until(() -> stats("production").failed() > failedBefore);
            // The SDK's start-up diagnostic may fail first; the analytics batch's failure is the one asserted.
            await().atMost(WAIT).until(() -> "HTTP 503 from /bulk".equals(stats("production").lastError()));
            assertThat(client.stringVariation("events-flag", user, "?")).as("flags still served").isEqualTo("b");

            sink.recover();
            long before = summarizedEvaluations(PROD_KEY, "events-flag");
            for (int i = 0; i < 2; i++) {
                client.stringVariation("events-flag", user, "?");
            }
            client.flush();
            await().atMost(WAIT).until(() -> summarizedEvaluations(PROD_KEY, "events-flag") - before >= 2);
        } finally {
            sink.recover();
        }
    }
}
