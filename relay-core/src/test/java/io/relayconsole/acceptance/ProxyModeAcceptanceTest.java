package io.relayconsole.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.FeatureFlagsState;
import com.launchdarkly.sdk.server.FlagsStateOption;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.interfaces.FlagChangeEvent;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.config.SimulatorConfig;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.SimulatedEnvironment;
import io.relayconsole.testing.SdkProcess;
import io.relayconsole.upstream.DataSourceState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue acceptance: unmodified LaunchDarkly SDKs in proxy mode against the relay, which is connected to the
 * built-in upstream. Every answer is compared with the same SDK connected straight to that upstream, so the
 * test proves the relay changes nothing about evaluation.
 */
class ProxyModeAcceptanceTest {
    private static final String PROD_KEY = "sdk-11111111-2222-4333-8444-555555555555";
    private static final String STAGING_KEY = "sdk-66666666-7777-4888-9999-000000000000";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static RelayRuntime runtime;
    private static FlagSimulator upstream;
    private static LDClient direct;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startRelay() throws Exception {
        RelayConfig config = RelayConfig.of(MainConfig.defaults().withPort(0), List.of(
                        EnvironmentConfig.of("production", PROD_KEY), EnvironmentConfig.of("staging", STAGING_KEY)))
                .withSimulator(new SimulatorConfig(true, 0, true, true));
        runtime = RelayRuntime.start(config, RelayOptions.builder().bindAddress("127.0.0.1")
                .initialReconnectDelay(Duration.ofMillis(100)).build());
        upstream = runtime.simulator().orElseThrow();
        direct = new LDClient(PROD_KEY, baseConfig()
                .serviceEndpoints(Components.serviceEndpoints().streaming(upstream.streamUri())
                        .polling(upstream.baseUri()).events(URI.create("http://127.0.0.1:9")))
                .dataSource(Components.streamingDataSource()).build());
        assertThat(direct.isInitialized()).as("SDK straight to the built-in upstream").isTrue();
    }

    @AfterAll
    static void stopRelay() throws Exception {
        if (direct != null) {
            direct.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    private static LDConfig.Builder baseConfig() {
        return new LDConfig.Builder().events(Components.noEvents()).diagnosticOptOut(true)
                .startWait(Duration.ofSeconds(15));
    }

    private static URI relayUri() {
        return URI.create("http://127.0.0.1:" + runtime.relay().port());
    }

    private static LDClient proxied(String sdkKey, boolean streaming) {
        return new LDClient(sdkKey, baseConfig()
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(relayUri()))
                .dataSource(streaming ? Components.streamingDataSource() : Components.pollingDataSource())
                .build());
    }

    private static SimulatedEnvironment production() {
        return upstream.environment(PROD_KEY);
    }

    private static void assertSameEvaluations(LDClient proxied) {
        for (LDContext context : SdkContexts.all()) {
            await().atMost(WAIT).untilAsserted(() -> {
                FeatureFlagsState expected = direct.allFlagsState(context, FlagsStateOption.WITH_REASONS);
                FeatureFlagsState actual = proxied.allFlagsState(context, FlagsStateOption.WITH_REASONS);
                assertThat(actual.isValid()).isTrue();
                assertThat(actual).as("all flags for %s", context.getFullyQualifiedKey()).isEqualTo(expected);
            });
        }
    }

    @Test
    void streamingJavaSdkEvaluatesEverySampleFlagAsTheUpstreamDoes() throws Exception {
        try (LDClient client = proxied(PROD_KEY, true)) {
            assertThat(client.isInitialized()).isTrue();
            FeatureFlagsState state = client.allFlagsState(LDContext.create("x"));
            assertThat(state.toValuesMap().keySet())
                    .containsAll(production().flags().stream().map(Item::key).toList());
            assertSameEvaluations(client);
        }
    }

    @Test
    void pollingJavaSdkEvaluatesEverySampleFlagAsTheUpstreamDoes() throws Exception {
        try (LDClient client = proxied(PROD_KEY, false)) {
            assertThat(client.isInitialized()).isTrue();
            assertSameEvaluations(client);
        }
    }

    @Test
    void anUpstreamEditReachesTheStreamingSdkAndADeletedFlagYieldsTheDefault() throws Exception {
        production().putFlag("{\"key\":\"acceptance-toggle\",\"on\":true,\"variations\":[\"on-value\",\"off-value\"],"
                + "\"fallthrough\":{\"variation\":0},\"offVariation\":1}");
        LDContext user = LDContext.create("editor");
        try (LDClient client = proxied(PROD_KEY, true)) {
            await().atMost(WAIT).until(() -> "on-value".equals(client.stringVariation("acceptance-toggle", user, "?")));
            BlockingQueue<FlagChangeEvent> changes = new LinkedBlockingQueue<>();
            client.getFlagTracker().addFlagChangeListener(changes::add);

            production().toggle("acceptance-toggle");

            FlagChangeEvent change = changes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(change).as("flag change listener fired").isNotNull();
            assertThat(change.getKey()).isEqualTo("acceptance-toggle");
            assertThat(client.stringVariation("acceptance-toggle", user, "?")).isEqualTo("off-value");

            production().deleteFlag("acceptance-toggle");
            await().atMost(WAIT).until(() -> "default".equals(client.stringVariation("acceptance-toggle", user,
                    "default")));
            assertThat(client.allFlagsState(user).toValuesMap()).doesNotContainKey("acceptance-toggle");
        }
    }

    @Test
    void aWrongSdkKeyFailsInitializationAndTheRelayKeepsServing() throws Exception {
        try (LDClient wrong = new LDClient("sdk-00000000-0000-4000-8000-000000000bad", baseConfig()
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(relayUri()))
                .startWait(Duration.ofSeconds(5)).build())) {
            assertThat(wrong.isInitialized()).isFalse();
            assertThat(wrong.getDataSourceStatusProvider().getStatus().getLastError().getStatusCode()).isEqualTo(401);
        }
        try (LDClient right = proxied(PROD_KEY, true)) {
            assertThat(right.isInitialized()).isTrue();
        }
    }

    @Test
    void twoEnvironmentsStayIsolated() throws Exception {
        upstream.environment(STAGING_KEY).putFlag("{\"key\":\"staging-only\",\"on\":true,\"variations\":[1,2],"
                + "\"fallthrough\":{\"variation\":1},\"offVariation\":0}");
        LDContext user = LDContext.create("iso");
        try (LDClient staging = proxied(STAGING_KEY, true); LDClient prod = proxied(PROD_KEY, true)) {
            await().atMost(WAIT).until(() -> staging.intVariation("staging-only", user, -1) == 2);
            assertThat(prod.intVariation("staging-only", user, -1)).isEqualTo(-1);
            assertThat(prod.allFlagsState(user).toValuesMap()).doesNotContainKey("staging-only");
        }
        HttpResponse<String> poll = get("/sdk/latest-all", PROD_KEY);
        assertThat(poll.body()).doesNotContain("staging-only");
    }

    @Test
    void statusShowsBothEnvironmentsWithMaskedKeys() throws Exception {
        HttpResponse<String> status = get("/status", null);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).doesNotContain(PROD_KEY).doesNotContain(STAGING_KEY);
        JsonNode root = Json.mapper().readTree(status.body());
        for (String env : List.of("production", "staging")) {
            JsonNode e = root.path("environments").path(env);
            assertThat(e.path("status").asText()).as(env).isEqualTo("connected");
            assertThat(e.path("connectionStatus").path("state").asText()).isEqualTo("VALID");
            assertThat(e.path("sdkKey").asText()).startsWith("sdk-").contains("*");
        }
        assertThat(root.path("status").asText()).isEqualTo("healthy");
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void badInputGetsAClearErrorAndTheRelayKeepsServing() throws Exception {
        assertThat(get("/all", "sdk-unknown").statusCode()).isEqualTo(401);
        assertThat(get("/sdk/latest-all", null).statusCode()).isEqualTo(401);
        assertThat(get("/no-such-route", PROD_KEY).statusCode()).isEqualTo(404);
        HttpResponse<String> tooLarge = HTTP.send(HttpRequest.newBuilder(relayUri().resolve("/sdk/latest-all"))
                .header("Authorization", PROD_KEY)
                .method("REPORT", HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("message");

        // A malformed event from upstream is skipped: counted, nothing stored, and the relay reconnects.
        long before = snapshot("production").malformedEvents();
        upstream.injectMalformedEvent();
        await().atMost(WAIT).until(() -> snapshot("production").malformedEvents() > before);
        await().atMost(WAIT).until(() -> snapshot("production").dataSource().state() == DataSourceState.VALID);

        try (LDClient client = proxied(PROD_KEY, true)) {
            assertThat(client.isInitialized()).isTrue();
            assertSameEvaluations(client);
        }
    }

    @Test
    void theNodeSdkInProxyModeEvaluatesLikeTheUpstream() throws Exception {
        for (String mode : List.of("stream", "poll")) {
            try (SdkProcess node = SdkProcess.node("node", "proxy-client.mjs", "@launchdarkly/node-server-sdk", Map.of(
                    "RELAY_URL", relayUri().toString(), "SDK_KEY", PROD_KEY, "MODE", mode))) {
                assertThat(node.isReady()).as(mode + ": " + node.readyError()).isTrue();
                List<SdkProcess.Evaluation> requests = new ArrayList<>();
                List<LDValue> expected = new ArrayList<>();
                for (LDContext context : SdkContexts.all().subList(0, 12)) {
                    JsonNode contextJson = ContextJson.of(context);
                    for (Item flag : production().flags()) {
                        requests.add(new SdkProcess.Evaluation(flag.key(), contextJson, "node-default"));
                        expected.add(direct.jsonValueVariation(flag.key(), context, LDValue.of("node-default")));
                    }
                }
                List<JsonNode> actual = node.values(requests);
                for (int i = 0; i < requests.size(); i++) {
                    assertThat(LDValue.parse(actual.get(i).toString()))
                            .as(mode + " " + requests.get(i).flag() + " for " + requests.get(i).context())
                            .isEqualTo(expected.get(i));
                }
            }
        }
    }

    private static EnvironmentSnapshot snapshot(String env) {
        return runtime.relay().snapshot().environments().stream().filter(e -> e.name().equals(env)).findFirst()
                .orElseThrow();
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(relayUri().resolve(path)).timeout(Duration.ofSeconds(10));
        if (key != null) {
            request.header("Authorization", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
