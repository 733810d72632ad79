package io.relayconsole.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.launchdarkly.sdk.ContextKind;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.interfaces.FlagChangeEvent;
import com.launchdarkly.sdk.server.subsystems.ComponentConfigurer;
import com.launchdarkly.sdk.server.subsystems.DataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof that the simulator is a faithful upstream: the real LaunchDarkly Java server SDK connects to it,
 * initializes and evaluates the sample flags as designed, in streaming and in polling mode.
 */
class LaunchDarklySdkAgainstSimulatorTest {
    private static final String STREAM_KEY = "sdk-00000000-0000-0000-0000-00000000aaaa";
    private static final String POLL_KEY = "sdk-00000000-0000-0000-0000-00000000bbbb";
    // Events are disabled; this address is only there so that nothing could ever go to LaunchDarkly.
    private static final URI UNUSED_EVENTS_URI = URI.create("http://127.0.0.1:9");

    private static FlagSimulator simulator;
    private static SimulatedEnvironment streamEnv;
    private static LDClient streaming;
    private static LDClient polling;

    @BeforeAll
    static void startSimulatorAndClients() throws Exception {
        simulator = new FlagSimulator();
        simulator.start(0);
        streamEnv = simulator.addEnvironment(STREAM_KEY);
        simulator.addEnvironment(POLL_KEY);
        streaming = client(STREAM_KEY, Components.streamingDataSource().initialReconnectDelay(Duration.ofMillis(100)));
        polling = client(POLL_KEY, Components.pollingDataSource());
    }

    @AfterAll
    static void stopAll() throws Exception {
        streaming.close();
        polling.close();
        simulator.close();
    }

    private static LDClient client(String sdkKey, ComponentConfigurer<DataSource> dataSource) {
        LDConfig config = new LDConfig.Builder()
                .dataSource(dataSource)
                .serviceEndpoints(Components.serviceEndpoints()
                        .streaming(simulator.streamUri())
                        .polling(simulator.baseUri())
                        .events(UNUSED_EVENTS_URI))
                .events(Components.noEvents())
                .diagnosticOptOut(true)
                .startWait(Duration.ofSeconds(10))
                .build();
        return new LDClient(sdkKey, config);
    }

    private static LDContext user(String key) {
        return LDContext.create(key);
    }

    private static LDContext user(String key, String attribute, String value) {
        return LDContext.builder(key).set(attribute, value).build();
    }

    private static LDContext org(String key, String tier) {
        return LDContext.builder(ContextKind.of("organization"), key).set("tier", tier).build();
    }

    private static LDContext device(String key, String platform, String model) {
        return LDContext.builder(ContextKind.of("device"), key).set("platform", platform).set("model", model).build();
    }

    @Test
    void bothClientsInitialize() {
        assertThat(streaming.isInitialized()).isTrue();
        assertThat(polling.isInitialized()).isTrue();
    }

    @Test
    void targetsRulesAndContextKindTargetsEvaluateAsDesigned() {
        assertThat(streaming.boolVariation("new-checkout", user("user-alice"), false)).isTrue();
        assertThat(streaming.boolVariation("new-checkout", user("user-bob", "email", "bob@example.com"), false)).isTrue();
        assertThat(streaming.boolVariation("new-checkout", user("user-zed"), true)).isFalse();
        assertThat(streaming.boolVariation("new-checkout", device("device-test-rig", "ios", "Phone"), false)).isTrue();

        assertThat(streaming.stringVariation("banner-text", user("u1", "country", "de"), "?")).isEqualTo("Willkommen");
        assertThat(streaming.stringVariation("banner-text", user("u2", "country", "fr"), "?")).isEqualTo("Bienvenue");
        assertThat(streaming.stringVariation("banner-text", user("u3"), "?")).isEqualTo("Welcome");

        assertThat(streaming.intVariation("api-rate-limit", user("p1", "email", "ops@partner.io"), 0)).isEqualTo(10000);
        assertThat(streaming.intVariation("api-rate-limit",
                LDContext.builder("n1").set("accountAgeDays", 10).build(), 0)).isEqualTo(100);
        assertThat(streaming.intVariation("api-rate-limit", user("o1", "appVersion", "1.5.0"), 0)).isEqualTo(100);
        assertThat(streaming.intVariation("api-rate-limit", user("o2", "appVersion", "2.1.0"), 0)).isEqualTo(1000);

        assertThat(streaming.boolVariation("mobile-onboarding", device("d1", "ios", "Phone 15"), false)).isTrue();
        assertThat(streaming.boolVariation("mobile-onboarding", device("d2", "android", "Tablet Pro"), true)).isFalse();
        assertThat(streaming.boolVariation("mobile-onboarding", user("u4"), true)).isFalse();
        assertThat(streaming.boolVariation("maintenance-mode", user("u5"), true)).isFalse();
    }

    @Test
    void segmentsJsonVariationsAndANonUserContextKindEvaluateAsDesigned() {
        assertThat(streaming.boolVariation("beta-features", user("user-bob"), false)).isTrue();
        assertThat(streaming.boolVariation("beta-features", user("user-dave", "email", "dave@beta.example.com"), false))
                .isTrue();
        assertThat(streaming.boolVariation("beta-features", user("user-carol", "email", "carol@beta.example.com"), true))
                .isFalse();
        assertThat(streaming.boolVariation("beta-features", org("org-initech", "basic"), false)).isTrue();

        assertThat(streaming.boolVariation("internal-tools", user("u6", "email", "eve@relayconsole.io"), false)).isTrue();
        assertThat(streaming.boolVariation("internal-tools", user("user-intern", "email", "in@relayconsole.io"), true))
                .isFalse();
        assertThat(streaming.boolVariation("internal-tools", user("qa-robot"), false)).isTrue();

        assertThat(plan(org("org-acme", "basic"))).isEqualTo("enterprise");
        assertThat(plan(org("org-big", "enterprise"))).isEqualTo("enterprise");
        assertThat(plan(org("org-small", "pro"))).isEqualTo("pro");
        assertThat(plan(LDContext.createMulti(user("user-zed"), org("org-small", "pro")))).isEqualTo("pro");
        assertThat(plan(user("user-zed"))).isEqualTo("basic");
        LDValue enterprise = streaming.jsonValueVariation("pricing-config", org("org-globex", "basic"), LDValue.ofNull());
        assertThat(enterprise.get("maxSeats").intValue()).isEqualTo(1000);
        assertThat(enterprise.get("features").size()).isEqualTo(3);
    }

    private static String plan(LDContext context) {
        return streaming.jsonValueVariation("pricing-config", context, LDValue.ofNull()).get("plan").stringValue();
    }

    @Test
    void offFlagsAndPrerequisitesEvaluateAsDesigned() {
        assertThat(streaming.stringVariation("legacy-export", user("u7"), "?")).isEqualTo("csv-v1");
        assertThat(streaming.boolVariation("new-dashboard", user("user-alice"), false)).isTrue();
        assertThat(streaming.boolVariation("new-dashboard", user("user-zed"), true)).isFalse();
    }

    @Test
    void percentageRolloutsBucketBySeedOrSaltAsTheSdkDoes() throws Exception {
        List<String> keys = IntStream.range(0, 40).mapToObj(i -> "rollout-user-" + i).toList();
        int semantic = 0;
        int dark = 0;
        for (String key : keys) {
            boolean expectSemantic = bucket("61." + key) >= 0.5;
            assertThat(streaming.stringVariation("search-algorithm", user(key), "?"))
                    .as("search-algorithm for %s", key).isEqualTo(expectSemantic ? "semantic" : "classic");
            boolean expectDark = bucket("dark-mode.7c19b4e2." + key) < 0.3;
            assertThat(streaming.boolVariation("dark-mode", user(key), !expectDark))
                    .as("dark-mode for %s", key).isEqualTo(expectDark);
            semantic += expectSemantic ? 1 : 0;
            dark += expectDark ? 1 : 0;
        }
        // Both variations really occur, so the comparison above means something.
        assertThat(semantic).isBetween(1, keys.size() - 1);
        assertThat(dark).isBetween(1, keys.size() - 1);
    }

    /** LaunchDarkly's bucket: the first 15 hex digits of SHA-1 over the input, scaled to [0, 1). */
    private static double bucket(String hashInput) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(hashInput.getBytes(StandardCharsets.UTF_8));
        String hex = HexFormat.of().formatHex(digest).substring(0, 15);
        return Long.parseLong(hex, 16) / (double) 0xFFFFFFFFFFFFFFFL;
    }

    @Test
    void theStreamingClientSeesAnEditAtOnce() {
        List<FlagChangeEvent> changes = new CopyOnWriteArrayList<>();
        streaming.getFlagTracker().addFlagChangeListener(changes::add);
        LDContext context = user("edit-user");
        assertThat(streaming.intVariation("api-rate-limit", context, 0)).isEqualTo(1000);

        streamEnv.setFallthroughVariation("api-rate-limit", 2);

        await().atMost(5, TimeUnit.SECONDS).until(() -> changes.stream().anyMatch(c -> c.getKey().equals("api-rate-limit")));
        assertThat(streaming.intVariation("api-rate-limit", context, 0)).isEqualTo(10000);
    }

    @Test
    void aDeletedFlagYieldsTheDefault() {
        LDContext context = user("delete-user");
        assertThat(streaming.stringVariation("legacy-export", context, "default")).isEqualTo("csv-v1");

        streamEnv.deleteFlag("legacy-export");

        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> streaming.stringVariation("legacy-export", context, "default").equals("default"));
        assertThat(streaming.allFlagsState(context).toValuesMap()).doesNotContainKey("legacy-export")
                .containsKey("banner-text");
    }

    @Test
    void thePollingClientEvaluatesTheSampleFlags() {
        assertThat(polling.boolVariation("new-checkout", user("user-alice"), false)).isTrue();
        assertThat(polling.stringVariation("banner-text", user("u1", "country", "at"), "?")).isEqualTo("Willkommen");
        assertThat(polling.jsonValueVariation("pricing-config", org("org-acme", "basic"), LDValue.ofNull())
                .get("plan").stringValue()).isEqualTo("enterprise");
        assertThat(polling.boolVariation("beta-features", user("user-bob"), false)).isTrue();
    }
}
