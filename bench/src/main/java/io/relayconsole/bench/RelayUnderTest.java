package io.relayconsole.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.SimulatedEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The relay as an operator runs it: the headless jar in its own JVM ({@code java -jar relay-core-…-all.jar
 * --from-env}), connected to an upstream (the built-in {@link FlagSimulator}, run here in the benchmark's JVM so
 * the benchmark can change a flag "upstream" and time it end to end).
 */
public final class RelayUnderTest implements AutoCloseable {
    public static final String SDK_KEY = "sdk-bench-0000-0000";
    /** The environment's client-side ID, for the browser endpoints ({@code /sdk/evalx/{envId}/...}, {@code /eval}). */
    public static final String CLIENT_SIDE_ID = "5fbe0000000000000000beef";

    private static final HttpClient SCRAPER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final java.util.concurrent.atomic.AtomicInteger STARTED = new java.util.concurrent.atomic.AtomicInteger();

    private final FlagSimulator upstream;
    private final SimulatedEnvironment environment;
    private final ChildProcess process;
    private final int port;
    private final int prometheusPort;

    private RelayUnderTest(FlagSimulator upstream, SimulatedEnvironment environment, ChildProcess process, int port,
                           int prometheusPort) {
        this.upstream = upstream;
        this.environment = environment;
        this.process = process;
        this.port = port;
        this.prometheusPort = prometheusPort;
    }

    /** Starts the upstream holding {@code data}, then the relay, and waits until the relay serves the flags. */
    public static RelayUnderTest start(FullDataSet data) throws IOException {
        return start(data, relayJar(), Map.of());
    }

    /**
     * As {@link #start(FullDataSet)}, with another relay jar (e.g. an earlier build measured in the same run) and more
     * of ld-relay's environment variables (e.g. {@code USE_EVENTS}).
     */
    public static RelayUnderTest start(FullDataSet data, Path jar, Map<String, String> extraEnv) throws IOException {
        return start(data, jar, extraEnv, env -> { });
    }

    /** As above, with {@code prepare} run on the upstream environment before the relay starts. */
    public static RelayUnderTest start(FullDataSet data, Path jar, Map<String, String> extraEnv,
                                       java.util.function.Consumer<SimulatedEnvironment> prepare) throws IOException {
        // BENCH_METRICS=off runs any measure's relay without meters; on (default) as an operator runs it.
        return start(data, jar, extraEnv, prepare, !"off".equals(System.getenv().getOrDefault("BENCH_METRICS", "on")));
    }

    /**
     * As {@link #start(FullDataSet)}, with meters chosen by the caller ({@code bench/run metrics} runs one relay of
     * each kind): {@code metrics} true is how operators run it, meters recorded and the Prometheus port open;
     * false is {@code -Drelayconsole.metrics=off}, no meters at all.
     */
    public static RelayUnderTest start(FullDataSet data, boolean metrics) throws IOException {
        return start(data, relayJar(), Map.of(), env -> { }, metrics);
    }

    private static RelayUnderTest start(FullDataSet data, Path jar, Map<String, String> extraEnv,
                                        java.util.function.Consumer<SimulatedEnvironment> prepare, boolean metrics)
            throws IOException {
        FlagSimulator upstream = new FlagSimulator();
        upstream.setHeartbeatInterval(Duration.ofMinutes(5));
        SimulatedEnvironment env = upstream.addEmptyEnvironment(SDK_KEY);
        for (DataKind kind : DataKind.values()) {
            for (Item item : data.get(kind).values()) {
                env.put(kind, (ObjectNode) Json.mapper().readTree(item.json()));
            }
        }
        prepare.accept(env);
        int upstreamPort = upstream.start(0);
        int port = ChildProcess.freePort();
        Map<String, String> env2 = new HashMap<>();
        env2.put("LD_ENV_bench", SDK_KEY);
        env2.put("LD_CLIENT_SIDE_ID_bench", CLIENT_SIDE_ID);
        env2.put("STREAM_URI", "http://127.0.0.1:" + upstreamPort);
        env2.put("BASE_URI", "http://127.0.0.1:" + upstreamPort);
        env2.put("PORT", Integer.toString(port));
        env2.put("LOG_LEVEL", "warn");
        env2.put("HEARTBEAT_INTERVAL", "5m");
        java.util.List<String> command = new java.util.ArrayList<>(ChildProcess.java());
        int prometheusPort = metrics ? ChildProcess.freePort() : 0;
        if (metrics) {
            env2.put("USE_PROMETHEUS", "true");
            env2.put("PROMETHEUS_PORT", Integer.toString(prometheusPort));
        } else {
            command.add("-Drelayconsole.metrics=off");
        }
        env2.putAll(extraEnv);
        // BENCH_RELAY_JAVA_OPTS: extra options for the relay only, e.g. a flight recording while profiling; {relay}
        // becomes this relay's number in the run and its meters (e.g. 2-metrics-off), for one file per relay.
        String name = STARTED.incrementAndGet() + (metrics ? "-metrics-on" : "-metrics-off");
        for (String opt : System.getenv().getOrDefault("BENCH_RELAY_JAVA_OPTS", "").trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt.replace("{relay}", name));
            }
        }
        command.addAll(java.util.List.of("-jar", jar.toString(), "--from-env"));
        ChildProcess process = ChildProcess.start("relay", command, env2);
        RelayUnderTest relay = new RelayUnderTest(upstream, env, process, port, prometheusPort);
        process.awaitPort(port, 60_000);
        relay.awaitServing(data.get(DataKind.FEATURES).size());
        return relay;
    }

    /** The headless jar: {@code RELAY_JAR}, else relay-core's build output next to the working directory. */
    public static Path relayJar() {
        String explicit = System.getenv("RELAY_JAR");
        return explicit != null ? Path.of(explicit)
                : Path.of("relay-core/target/relay-core-0.1.0-SNAPSHOT-all.jar").toAbsolutePath();
    }

    private void awaitServing(int flagCount) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<byte[]> response = get("/sdk/latest-all", false);
                if (response.statusCode() == 200 && response.body().length > flagCount * 100L) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            ChildProcess.sleep(50);
        }
        throw new IllegalStateException("the relay never served the flags: " + process.logTail());
    }

    public HttpResponse<byte[]> get(String path, boolean gzip) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", SDK_KEY).timeout(Duration.ofSeconds(10));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public int port() {
        return port;
    }

    /** Scrapes {@code /metrics} on the Prometheus port as Prometheus does; the body's length in bytes. */
    public int scrapeMetrics() throws IOException {
        if (prometheusPort == 0) {
            throw new IllegalStateException("this relay runs without meters");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheusPort + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<byte[]> response = SCRAPER.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("/metrics answered " + response.statusCode());
            }
            return response.body().length;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public ChildProcess process() {
        return process;
    }

    public SimulatedEnvironment upstreamEnvironment() {
        return environment;
    }

    @Override
    public void close() {
        process.close();
        upstream.close();
    }
}
