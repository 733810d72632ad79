package io.relayconsole.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.launchdarkly.sdk.server.LDClient;
import io.relayconsole.config.MetricsConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.testing.RedisServerProcess;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server (Debian's {@code prometheus}) scrapes the relay's {@code /metrics}, and a PromQL query
 * over its HTTP API returns the number of SDKs connected: the names and format are what Prometheus takes.
 */
class PrometheusScrapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<LDClient> clients = new ArrayList<>();
    private RelayRuntime runtime;
    private Process prometheus;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
        for (LDClient c : clients) {
            c.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void promQlOverARealScrapeCountsTheConnectedSdks() throws Exception {
        String binary = requireProgram("prometheus");
        RelayConfig config = MetricsAcceptanceTest.config(new MetricsConfig.Prometheus(true, 0, null));
        runtime = RelayRuntime.start(config, RelayOptions.builder().bindAddress("127.0.0.1").build());
        for (int i = 0; i < 2; i++) {
            LDClient client = MetricsAcceptanceTest.streamingSdk(runtime.relay().port());
            clients.add(client);
            assertThat(client.isInitialized()).isTrue();
        }

        int port = RedisServerProcess.freePort();
        Path yml = dir.resolve("prometheus.yml");
        Files.writeString(yml, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: relay
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(runtime.relay().prometheusPort()));
        prometheus = new ProcessBuilder(binary, "--config.file=" + yml, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonNode result = query(port, "sum(launchdarkly_relay_connections{env=\"production\"})");
            assertThat(result.path(0).path("value").path(1).asText()).isEqualTo("2");
        });
        JsonNode up = query(port, "up{job=\"relay\"}");
        assertThat(up.path(0).path("value").path(1).asText()).as("the scrape target is up").isEqualTo("1");
        JsonNode requests = query(port, "sum(launchdarkly_relay_newconnections_total)");
        assertThat(requests.path(0).path("value").path(1).asText()).isEqualTo("2");
    }

    private JsonNode query(int port, String promQl) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/query?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asText()).as(r.body()).isEqualTo("success");
        return body.path("data").path("result");
    }

    /** Fails, never skips, when the program is missing. */
    static String requireProgram(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File f = new File(d, name);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        throw new AssertionError(name + " is not installed: apt-get install " + name + ", or run ./test");
    }
}
