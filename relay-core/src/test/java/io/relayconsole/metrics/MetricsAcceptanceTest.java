package io.relayconsole.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.EventsConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.MetricsConfig;
import io.relayconsole.config.RedisConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.config.SimulatorConfig;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.testing.MutableClock;
import io.relayconsole.testing.RedisServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} scraped from a running relay (built-in upstream, a real redis-server as its store, no cache)
 * while real Java SDK clients are connected: the values are what the SDKs and the outage did, and the console's
 * {@link MeterSnapshot} shows the same numbers.
 */
class MetricsAcceptanceTest {
    static final String SDK_KEY = "sdk-12345678-aaaa-bbbb-cccc-1234567890ab";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<LDClient> clients = new ArrayList<>();
    private RedisServerProcess redis;
    private RelayRuntime runtime;

    @AfterEach
    void stop() throws Exception {
        for (LDClient c : clients) {
            c.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    static RelayConfig config(MetricsConfig.Prometheus prometheus) {
        return new RelayConfig(MainConfig.defaults().withPort(0), EventsConfig.defaults(),
                List.of(EnvironmentConfig.of("production", SDK_KEY)), Optional.empty(),
                new SimulatorConfig(true, 0, true, true), null,
                new MetricsConfig(prometheus, MetricsConfig.disabled().datadog(), MetricsConfig.disabled().stackdriver()),
                null);
    }

    static LDClient streamingSdk(int relayPort) {
        return streamingSdk(relayPort, SDK_KEY);
    }

    static LDClient streamingSdk(int relayPort, String sdkKey) {
        return new LDClient(sdkKey, new LDConfig.Builder()
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(URI.create("http://127.0.0.1:" + relayPort)))
                .events(Components.noEvents()).diagnosticOptOut(true).startWait(Duration.ofSeconds(15)).build());
    }

    @Test
    void connectionsRequestsAndStoreStateAreWhatTheSdksAndTheOutageDid() throws Exception {
        redis = RedisServerProcess.start();
        RedisConfig store = new RedisConfig(URI.create(redis.url()), false, null, null, Duration.ZERO, null, false);
        RelayConfig config = config(new MetricsConfig.Prometheus(true, 0, null)).withDatabase(store);
        runtime = RelayRuntime.start(config, RelayOptions.builder().storesFrom(config).bindAddress("127.0.0.1")
                .initialReconnectDelay(Duration.ofMillis(100)).build());
        int relayPort = runtime.relay().port();
        int metricsPort = runtime.relay().prometheusPort();

        for (int i = 0; i < 3; i++) {
            LDClient client = streamingSdk(relayPort);
            clients.add(client);
            assertThat(client.isInitialized()).as("SDK %d initialized through the relay", i).isTrue();
        }
        await().atMost(WAIT).untilAsserted(() -> {
            Scrape s = Scrape.of(metricsPort);
            assertThat(s.sum("launchdarkly_relay_connections", "env", "production")).isEqualTo(3);
            assertThat(s.sum("launchdarkly_relay_connections", "env", "production", "route", "/all",
                    "platformCategory", "server", "userAgent", "JavaClient")).isEqualTo(3);
            assertThat(s.sum("launchdarkly_relay_newconnections_total", "env", "production")).isEqualTo(3);
            assertThat(s.sum("launchdarkly_relay_datastore_available", "env", "production")).isEqualTo(1);
            assertThat(s.sum("launchdarkly_relay_environment_datastore_state_count", "state", "INTERRUPTED")).isZero();
            assertThat(s.sum("launchdarkly_relay_environment_connection_state_count", "state", "VALID")).isEqualTo(1);
            assertThat(s.sum("launchdarkly_relay_status")).isEqualTo(1);
            assertThat(s.has("jvm_memory_used_bytes")).isTrue();
        });
        // The console's numbers come from the same meters.
        MeterSnapshot.EnvironmentMeters shown = runtime.relay().snapshot().meters().environment("production");
        assertThat(shown.sdkConnections()).isEqualTo(3);
        assertThat(shown.newConnections()).isEqualTo(3);

        redis.kill();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest poll = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relayPort + "/sdk/latest-all"))
                .header("Authorization", SDK_KEY).build();
        await().atMost(WAIT).until(() -> http.send(poll, HttpResponse.BodyHandlers.discarding()).statusCode() == 503);
        http.send(poll, HttpResponse.BodyHandlers.discarding());
        await().atMost(WAIT).untilAsserted(() -> {
            Scrape s = Scrape.of(metricsPort);
            assertThat(s.sum("launchdarkly_relay_requests_total", "env", "production", "route", "/sdk/latest-all",
                    "status", "503")).isGreaterThanOrEqualTo(2);
            assertThat(s.sum("launchdarkly_relay_datastore_available", "env", "production")).isZero();
            assertThat(s.sum("launchdarkly_relay_environment_datastore_state_count", "state", "INTERRUPTED"))
                    .isEqualTo(1);
            assertThat(s.sum("launchdarkly_relay_status")).isZero();
        });
        long console503 = runtime.relay().snapshot().meters().environment("production").requests(503);
        assertThat(console503).isEqualTo((long) Scrape.of(metricsPort).sum("launchdarkly_relay_requests_total",
                "env", "production", "status", "503"));

        clients.remove(0).close();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(Scrape.of(metricsPort).sum("launchdarkly_relay_connections", "env", "production"))
                        .isEqualTo(2));
    }

    @Test
    void storeMetersCountRoundTripsErrorsAndTheCachesHitsMissesAndExpirations() throws Exception {
        redis = RedisServerProcess.start();
        MutableClock clock = new MutableClock(); // the cache's TTL runs on it, so expiry is the test's decision
        RedisConfig store = new RedisConfig(URI.create(redis.url()), false, null, null, Duration.ofSeconds(30), null,
                false);
        RelayConfig config = config(new MetricsConfig.Prometheus(true, 0, null)).withDatabase(store);
        runtime = RelayRuntime.start(config, RelayOptions.builder().storesFrom(config).bindAddress("127.0.0.1")
                .clock(clock).initialReconnectDelay(Duration.ofMillis(100)).build());
        int metricsPort = runtime.relay().prometheusPort();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest poll = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.relay().port()
                + "/sdk/latest-all")).header("Authorization", SDK_KEY).build();
        await().atMost(WAIT).until(() -> http.send(poll, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

        Scrape before = Scrape.of(metricsPort);
        for (int i = 0; i < 3; i++) {
            assertThat(http.send(poll, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        Scrape warm = Scrape.of(metricsPort);
        assertThat(delta(before, warm, "launchdarkly_relay_datastore_cache_hits_total")).isEqualTo(3);
        assertThat(delta(before, warm, "launchdarkly_relay_datastore_cache_misses_total")).isZero();
        // Upstream's put was written to Redis: round trips are in the histogram, every one in its +Inf bucket.
        double count = warm.sum("launchdarkly_relay_datastore_operation_duration_seconds_count", "env", "production");
        assertThat(count).isPositive();
        assertThat(warm.sum("launchdarkly_relay_datastore_operation_duration_seconds_bucket", "env", "production",
                "le", "+Inf")).isEqualTo(count);
        assertThat(warm.sum("launchdarkly_relay_datastore_errors_total", "env", "production")).isZero();

        clock.advance(Duration.ofSeconds(31));
        assertThat(http.send(poll, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(http.send(poll, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        Scrape expired = Scrape.of(metricsPort);
        assertThat(delta(warm, expired, "launchdarkly_relay_datastore_cache_expirations_total")).isEqualTo(1);
        assertThat(delta(warm, expired, "launchdarkly_relay_datastore_cache_misses_total")).isEqualTo(1);
        assertThat(delta(warm, expired, "launchdarkly_relay_datastore_cache_hits_total")).isEqualTo(1);
        assertThat(expired.sum("launchdarkly_relay_datastore_operation_duration_seconds_count", "env", "production"))
                .isGreaterThan(count);

        redis.kill();
        clock.advance(Duration.ofSeconds(31));
        await().atMost(WAIT).until(() -> http.send(poll, HttpResponse.BodyHandlers.discarding()).statusCode() == 503);
        Scrape down = Scrape.of(metricsPort);
        assertThat(down.sum("launchdarkly_relay_datastore_errors_total", "env", "production")).isPositive();
        assertThat(delta(expired, down, "launchdarkly_relay_datastore_cache_expirations_total")).isEqualTo(1);
    }

    private static double delta(Scrape from, Scrape to, String name) {
        return to.sum(name, "env", "production") - from.sum(name, "env", "production");
    }

    @Test
    void prometheusPrefixRenamesTheNamespaceAsLdRelaysDoes() throws Exception {
        RelayConfig config = config(new MetricsConfig.Prometheus(true, 0, "myrelay"));
        runtime = RelayRuntime.start(config, RelayOptions.builder().bindAddress("127.0.0.1").build());
        LDClient client = streamingSdk(runtime.relay().port());
        clients.add(client);
        assertThat(client.isInitialized()).isTrue();
        await().atMost(WAIT).untilAsserted(() -> {
            Scrape s = Scrape.of(runtime.relay().prometheusPort());
            assertThat(s.sum("myrelay_connections", "env", "production")).isEqualTo(1);
            assertThat(s.has("launchdarkly_relay_connections")).isFalse();
        });
    }
}
