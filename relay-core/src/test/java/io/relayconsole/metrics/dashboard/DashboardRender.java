package io.relayconsole.metrics.dashboard;

import com.launchdarkly.sdk.server.LDClient;
import io.relayconsole.config.MetricsConfig;
import io.relayconsole.config.RedisConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.metrics.MetricsAcceptanceTestAccess;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.simulator.SimulatedEnvironment;
import io.relayconsole.testing.RedisServerProcess;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Renders docs/grafana/relay-dashboard.json from a real scrape, since Grafana cannot be installed here: a relay
 * (built-in upstream, a real redis-server with a 5 s cache) serves real Java SDK streams and polls while flags
 * change; Debian's prometheus scrapes it every second; each panel's PromQL is evaluated over Prometheus' HTTP API
 * and the results are drawn with Java2D. Run by {@code docs/grafana/render}.
 */
public final class DashboardRender {
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("render.seconds", 90));

    private DashboardRender() {
    }

    public static void main(String[] args) throws Exception {
        Path dashboard = Path.of(args[0]);
        Path png = Path.of(args[1]);
        Path work = Files.createTempDirectory("dashboard-render");
        List<LDClient> sdks = new ArrayList<>();
        Process prometheus = null;
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            RedisConfig store = new RedisConfig(URI.create(redis.url()), false, null, null, Duration.ofSeconds(5),
                    null, false);
            RelayConfig config = MetricsAcceptanceTestAccess.config(new MetricsConfig.Prometheus(true, 0, null))
                    .withDatabase(store);
            try (RelayRuntime runtime = RelayRuntime.start(config, RelayOptions.builder().storesFrom(config)
                    .bindAddress("127.0.0.1").build())) {
                int promPort = RedisServerProcess.freePort();
                prometheus = startPrometheus(work, runtime.relay().prometheusPort(), promPort);
                long start = System.currentTimeMillis() / 1000;
                workload(runtime, sdks);
                long end = System.currentTimeMillis() / 1000;
                List<PanelQueries.Panel> panels = new PanelQueries(promPort).evaluate(dashboard, start, end, 2);
                ImageIO.write(PanelPainter.paint("Relay Console relay — docs/grafana/relay-dashboard.json, panels'"
                        + " PromQL evaluated by Prometheus " + "over " + (end - start) + " s of a real scrape "
                        + "(drawn without Grafana)", panels), "png", png.toFile());
                System.out.println("Wrote " + png + " (" + panels.size() + " panels)");
                closeAll(sdks); // before the relay, so they do not log its shutdown as a stream error
            }
        } finally {
            closeAll(sdks);
            if (prometheus != null) {
                prometheus.destroy();
                prometheus.waitFor();
            }
        }
    }

    private static void closeAll(List<LDClient> sdks) throws java.io.IOException {
        for (LDClient c : sdks) {
            c.close();
        }
        sdks.clear();
    }

    /** SDKs connect one by one, poll (one with a wrong key), and flags change every 2 s, for {@link #RUN}. */
    private static void workload(RelayRuntime runtime, List<LDClient> sdks) throws Exception {
        int port = runtime.relay().port();
        SimulatedEnvironment upstream = runtime.simulator().orElseThrow()
                .environment(MetricsAcceptanceTestAccess.SDK_KEY);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + RUN.toNanos();
        for (int tick = 0; System.nanoTime() < deadline; tick++) {
            if (tick % 15 == 0 && sdks.size() < 4) {
                sdks.add(MetricsAcceptanceTestAccess.streamingSdk(port));
            }
            if (tick % 10 == 0) {
                upstream.putFlag("{\"key\":\"render-flag\",\"version\":" + (tick + 1) + ",\"on\":true,"
                        + "\"variations\":[true,false],\"offVariation\":1,\"fallthrough\":{\"variation\":0},"
                        + "\"salt\":\"s\"}");
            }
            for (String key : List.of(MetricsAcceptanceTestAccess.SDK_KEY, MetricsAcceptanceTestAccess.SDK_KEY,
                    tick % 5 == 0 ? "sdk-wrong" : MetricsAcceptanceTestAccess.SDK_KEY)) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sdk/latest-all"))
                        .header("Authorization", key).build(), HttpResponse.BodyHandlers.discarding());
            }
            Thread.sleep(200); // the workload's pace, not a wait for a condition
        }
    }

    private static Process startPrometheus(Path work, int target, int port) throws Exception {
        String binary = null;
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (new File(d, "prometheus").canExecute()) {
                binary = new File(d, "prometheus").getPath();
            }
        }
        if (binary == null) {
            throw new IllegalStateException("prometheus is not installed: apt-get install prometheus");
        }
        Path yml = work.resolve("prometheus.yml");
        Files.writeString(yml, "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: relay\n"
                + "    static_configs:\n      - targets: ['127.0.0.1:" + target + "']\n");
        return new ProcessBuilder(binary, "--config.file=" + yml, "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile()).start();
    }
}
