package io.relayconsole.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.json.JsonSerialization;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.FlagsStateOption;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.sun.net.httpserver.HttpServer;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.config.SimulatorConfig;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.serving.RequestRecord;
import io.relayconsole.simulator.SimulatedEnvironment;
import io.relayconsole.testing.SdkProcess;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue acceptance: the real browser SDK ({@code launchdarkly-js-client-sdk}) in headless Chromium, on a page from
 * another origin than the relay, initializes against the relay; its {@code allFlags()} equals what the Java server
 * SDK's {@code allFlagsState(CLIENT_SIDE_ONLY)} gives for the same context, on every sample flag (all made
 * client-side) and every context that matches a rule branch; and a flag edit upstream reaches its {@code change}
 * handler through the stream, without the page polling again.
 */
class BrowserSdkTest {
    private static final String SDK_KEY = "sdk-21212121-2222-4333-8444-555555555555";
    private static final String ENV_ID = "60aa0000000000000000abcd";
    private static final Path BROWSER_MODULE = SdkProcess.TEST_SOURCES.resolve("browser");
    private static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");

    private static RelayRuntime runtime;
    private static LDClient reference;
    private static HttpServer pageOrigin;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError(CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium), "
                    + "or run ./test");
        }
        EnvironmentConfig env = new EnvironmentConfig("production", SDK_KEY, null, ENV_ID, null, null, List.of(),
                List.of(), false, null, Duration.ZERO, null);
        runtime = RelayRuntime.start(RelayConfig.of(MainConfig.defaults().withPort(0), List.of(env))
                        .withSimulator(new SimulatorConfig(true, 0, true, true)),
                RelayOptions.builder().bindAddress("127.0.0.1").initialReconnectDelay(Duration.ofMillis(100)).build());
        SimulatedEnvironment upstream = upstream();
        for (Item flag : upstream.flags()) { // every sample flag visible to browsers, so every rule is compared
            ObjectNode json = (ObjectNode) Json.mapper().readTree(flag.json());
            json.put("clientSide", true);
            json.putObject("clientSideAvailability").put("usingEnvironmentId", true).put("usingMobileKey", true);
            upstream.put(DataKind.FEATURES, json);
        }
        reference = new LDClient(SDK_KEY, new LDConfig.Builder().events(Components.noEvents()).diagnosticOptOut(true)
                .serviceEndpoints(Components.serviceEndpoints().streaming(runtime.simulator().orElseThrow().streamUri())
                        .polling(runtime.simulator().orElseThrow().baseUri()))
                .startWait(Duration.ofSeconds(15)).build());
        assertThat(reference.isInitialized()).as("Java SDK straight to the built-in upstream").isTrue();
        pageOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/page.html", BROWSER_MODULE.resolve("page.html"), "text/html");
        serve("/ldclient.min.js", BROWSER_MODULE.resolve("node_modules/launchdarkly-js-client-sdk/dist/ldclient.min.js"),
                "application/javascript");
        pageOrigin.start();
    }

    private static void serve(String path, Path file, String type) {
        pageOrigin.createContext(path, exchange -> {
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (pageOrigin != null) {
            pageOrigin.stop(0);
        }
        if (reference != null) {
            reference.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    private static SimulatedEnvironment upstream() {
        return runtime.simulator().orElseThrow().environment(SDK_KEY);
    }

    private static SdkProcess browser(LDContext context) {
        String relay = "http://127.0.0.1:" + runtime.relay().port();
        String page = "http://127.0.0.1:" + pageOrigin.getAddress().getPort() + "/page.html?relay="
                + URLEncoder.encode(relay, StandardCharsets.UTF_8) + "&envId=" + ENV_ID + "&context="
                + URLEncoder.encode(JsonSerialization.serialize(context), StandardCharsets.UTF_8);
        return SdkProcess.node("browser", "browser-client.mjs", "puppeteer-core",
                Map.of("PAGE_URL", page, "CHROMIUM", CHROMIUM.toString()));
    }

    private static JsonNode expected(LDContext context) {
        Map<String, LDValue> values = reference.allFlagsState(context, FlagsStateOption.CLIENT_SIDE_ONLY)
                .toValuesMap();
        Map<String, JsonNode> json = new LinkedHashMap<>();
        values.forEach((k, v) -> json.put(k, parse(v.toJsonString())));
        return Json.mapper().valueToTree(json);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theBrowserSdkSeesWhatTheJavaSdkEvaluatesAndGetsChangesPushed() throws Exception {
        List<LDContext> contexts = SdkContexts.all();
        try (SdkProcess page = browser(contexts.get(0))) {
            assertThat(page.isReady()).as("browser SDK initialized against the relay: %s", page.stderrText()).isTrue();
            for (LDContext context : contexts) {
                page.ask(Map.of("identify", parse(JsonSerialization.serialize(context))));
                JsonNode allFlags = page.ask(Map.of("allFlags", true)).get("allFlags");
                assertThat(allFlags).as("allFlags() for %s", context.getFullyQualifiedKey())
                        .isEqualTo(expected(context));
            }

            LDContext last = contexts.get(contexts.size() - 1);
            long evalRequestsBefore = evalRequests();
            String flag = "dark-mode";
            boolean before = page.ask(Map.of("allFlags", true)).get("allFlags").get(flag).asBoolean();
            while (page.nextChange(0, TimeUnit.MILLISECONDS) != null) {
                // the changes identify() reported while switching contexts
            }
            long editedAt = System.nanoTime();
            upstream().setFallthroughVariation(flag, before ? 1 : 0);
            String changed = page.nextChange(10, TimeUnit.SECONDS);
            long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - editedAt);
            System.out.println("Browser change handler saw the upstream edit after " + latencyMs + " ms");
            assertThat(changed).as("the page's change handler: %s", page.stderrText()).isEqualTo(flag);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    page.ask(Map.of("allFlags", true)).get("allFlags")).isEqualTo(expected(last)));
            assertThat(page.ask(Map.of("allFlags", true)).get("allFlags").get(flag).asBoolean()).isNotEqualTo(before);
            assertThat(evalRequests()).as("the change was pushed on the stream; the page did not poll again")
                    .isEqualTo(evalRequestsBefore);
        }
    }

    private static long evalRequests() {
        return runtime.relay().requests().recent().stream().map(RequestRecord::path)
                .filter(p -> p.startsWith("/sdk/evalx/")).count();
    }

}
