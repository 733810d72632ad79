package io.relayconsole.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.backends.StoreBackends;
import io.relayconsole.backends.StoreSettings;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.demo.DemoSdk;
import io.relayconsole.demo.LocalRedisServer;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.testing.MermaidParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the live Timeline draws during a real store outage, as a user causes one: a relay on a local redis-server
 * with a short TTL, the server killed (the Controls screen's "take the store down"), an outside SDK refused.
 */
class LiveStoreOutageTimelineTest {
    private static final String KEY = "sdk-00000000-0000-4000-8000-0000000live1";
    private final FlagSimulator upstream = new FlagSimulator();
    private LocalRedisServer redis;
    private Relay relay;
    private TimelineRecorder recorder;
    private DemoSdk sdk1;
    private DemoSdk sdk2;

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {sdk1, sdk2, recorder, relay, redis, upstream}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing what the test started
            }
        }
    }

    @Test
    void aRefusedSdkIsDrawnWithTheRelaysDecisionAndTheStoreStep() throws Exception {
        upstream.addEnvironment(KEY);
        upstream.start(0);
        redis = LocalRedisServer.launch();
        MainConfig main = MainConfig.defaults().withPort(0).withUpstream(upstream.streamUri(), upstream.baseUri());
        relay = new Relay(RelayConfig.of(main, List.of(EnvironmentConfig.of("production", KEY))),
                RelayOptions.builder().cacheTtl(Duration.ofMillis(800)).bindAddress("127.0.0.1")
                        .storeFactory(e -> StoreBackends.create(StoreSettings.Redis.at(redis.url(), "live"))).build());
        recorder = TimelineRecorder.attachTo(relay);
        relay.start();
        RelayEnvironment env = relay.environment("production").orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(env::isStoreInitialized);
        sdk1 = new DemoSdk("SDK1", relay.port(), KEY);
        assertThat(sdk1.connect().served()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !env.answersFromMemory());

        redis.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> !env.storeStatus().available());
        sdk2 = new DemoSdk("SDK2", relay.port(), KEY);
        assertThat(sdk2.connect().status()).isEqualTo(503);
        assertThat(sdk2.connect().status()).isEqualTo(503);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String mermaid = recorder.snapshot("production").toMermaid();
            List<String> sdk2Lines = mermaid.lines().dropWhile(l -> !l.startsWith("SDK2->>")).toList();
            assertThat(sdk2Lines).as(mermaid).containsSubsequence(
                    "SDK2->>Relay Proxy: Streaming request /all",
                    "note over Relay Proxy: TTL expired, read from store",
                    "Relay Proxy-xPersistent Store: Get all flags - FAILED",
                    "Relay Proxy-->>SDK2: Service Unavailable",
                    "SDK2->>Relay Proxy: Streaming request /all");
            assertThat(mermaid).doesNotContain("SDK2-xRelay Proxy");
        });
        String mermaid = recorder.snapshot("production").toMermaid();
        assertThat(MermaidParser.rejected(Map.of("live recording", mermaid))).isEmpty();
    }
}
