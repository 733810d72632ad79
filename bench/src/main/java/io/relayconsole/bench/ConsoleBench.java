package io.relayconsole.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.SimulatedEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The console under load: the real console ({@link ConsoleUnderTest}, own JVM, under Xvfb) hosting a relay with
 * two environments from the built-in upstream: "flags" with N generated flags changing 50 times a second, and
 * "sdks" where M streaming SDKs ({@link SseClients}) are connected. The SDKs get a small data set of their own:
 * 10,000 copies of an 11 MB put (110 GB) and 500,000 patch events a second would measure the relay's fan-out
 * (which has its own measure), not the console. Each of Overview, SDKs and Flags is shown for a while; the
 * table gives pulse work p50/p99 per screen, time to first frame, and the live heap after a full GC.
 */
public final class ConsoleBench {
    private static final String FLAGS_KEY = "sdk-bench-flags-0000";
    private static final String SDKS_KEY = "sdk-bench-sdks-0000";
    private static final int UPDATES_PER_SECOND = 50;
    private static final long PHASE_MILLIS = 10_000;

    private ConsoleBench() {
    }

    public static void run(int sdks, int flags) throws Exception {
        String classpath = System.getenv("BENCH_CONSOLE_CLASSPATH");
        if (classpath == null) {
            throw new IllegalStateException("BENCH_CONSOLE_CLASSPATH is not set (bench/run console sets it)");
        }
        FullDataSet flagData = FlagGenerator.dataSet(flags, 5);
        try (FlagSimulator upstream = new FlagSimulator()) {
            upstream.setHeartbeatInterval(Duration.ofMinutes(5));
            SimulatedEnvironment flagEnv = fill(upstream.addEmptyEnvironment(FLAGS_KEY), flagData);
            fill(upstream.addEmptyEnvironment(SDKS_KEY), FlagGenerator.dataSet(20, 6));
            int upstreamPort = upstream.start(0);
            int port = ChildProcess.freePort();
            Map<String, String> env = new HashMap<>();
            env.put("LD_ENV_flags", FLAGS_KEY);
            env.put("LD_ENV_sdks", SDKS_KEY);
            env.put("STREAM_URI", "http://127.0.0.1:" + upstreamPort);
            env.put("BASE_URI", "http://127.0.0.1:" + upstreamPort);
            env.put("PORT", Integer.toString(port));
            env.put("HEARTBEAT_INTERVAL", "5m");
            Path results = Files.createTempFile("bench-console-", ".txt");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            for (String opt : consoleJvmOptions().split("\\s+")) {
                if (!opt.isEmpty()) {
                    command.add(opt);
                }
            }
            command.addAll(List.of("-cp", classpath, "io.relayconsole.bench.ConsoleUnderTest$Launcher", results.toString()));
            try (ChildProcess console = ChildProcess.start("console", command, env);
                 SseClients clients = new SseClients()) {
                awaitServing(console, port, flags);
                long connectStart = System.nanoTime();
                clients.open("127.0.0.1", port, SDKS_KEY, sdks, 500);
                if (!clients.awaitPuts(180_000)) {
                    throw new IllegalStateException(clients.putsMissing() + " SDKs got no put: " + console.logTail());
                }
                System.err.printf("console: %d SDKs connected in %.0f ms%n", sdks, (System.nanoTime() - connectStart) / 1e6);
                ScheduledExecutorService updates = Executors.newSingleThreadScheduledExecutor();
                Random random = new Random(7);
                updates.scheduleAtFixedRate(() -> flagEnv.toggle("flag-" + random.nextInt(flags)), 0,
                        1_000_000 / UPDATES_PER_SECOND, TimeUnit.MICROSECONDS);
                OutputStream commands = console.stdin();
                send(commands, "phase warmup Overview sdks");
                Thread.sleep(5_000);
                String[][] phases = {{"overview", "Overview", "sdks"}, {"sdks", "SDKs", "sdks"},
                    {"flags", "Flags", "flags"}};
                for (String[] p : phases) {
                    send(commands, "phase " + String.join(" ", p));
                    Thread.sleep(PHASE_MILLIS);
                }
                send(commands, "phase after Overview sdks");
                long rss = console.memoryBytes("VmRSS");
                long heap = console.heapUsedAfterGc();
                updates.shutdownNow();
                send(commands, "quit");
                long deadline = System.currentTimeMillis() + 20_000;
                while (console.isAlive() && System.currentTimeMillis() < deadline) {
                    ChildProcess.sleep(100);
                }
                print(sdks, flags, Files.readAllLines(results), rss, heap, clients.failures());
            }
        }
    }

    private static SimulatedEnvironment fill(SimulatedEnvironment env, FullDataSet data) throws IOException {
        for (DataKind kind : DataKind.values()) {
            for (Item item : data.get(kind).values()) {
                env.put(kind, (ObjectNode) Json.mapper().readTree(item.json()));
            }
        }
        return env;
    }

    private static void send(OutputStream commands, String line) throws IOException {
        commands.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
    }

    /** Waits until the console's relay serves every flag of the "flags" environment. */
    private static void awaitServing(ChildProcess console, int port, int flags) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sdk/latest-all"))
                .header("Authorization", FLAGS_KEY).timeout(Duration.ofSeconds(10)).build();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (!console.isAlive()) {
                throw new IllegalStateException("the console exited: " + console.logTail());
            }
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200 && response.body().length > flags * 100L) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            ChildProcess.sleep(100);
        }
        throw new IllegalStateException("the console's relay never served the flags: " + console.logTail());
    }

    /**
     * As installed: the console's launcher passes the JVM no options of its own (its defaults: G1, a quarter of
     * the memory), so neither does the measure; BENCH_CONSOLE_JAVA_OPTS for an experiment (printed in the table).
     */
    private static String consoleJvmOptions() {
        return System.getenv().getOrDefault("BENCH_CONSOLE_JAVA_OPTS", "").trim();
    }

    private static void print(int sdks, int flags, List<String> lines, long rss, long heap, int failures) {
        ResultTable table = new ResultTable("Console: " + sdks + " connected SDKs, " + flags + " flags, "
                + UPDATES_PER_SECOND + " flag updates/s", "—");
        String options = consoleJvmOptions();
        table.note(options.isEmpty() ? "Console JVM options: none, as the installed launcher (JVM defaults)"
                : "Console JVM options (BENCH_CONSOLE_JAVA_OPTS override, not as installed): `" + options + "`");
        Map<String, Stats> cpu = new HashMap<>();
        Map<String, Stats> wall = new HashMap<>();
        double firstFrame = Double.NaN;
        double firstDataFrame = Double.NaN;
        Map<String, Double> startup = new HashMap<>();
        for (String line : lines) {
            String[] w = line.split(" ");
            switch (w[0]) {
                case "firstFrame" -> firstFrame = Double.parseDouble(w[1]);
                case "firstDataFrame" -> firstDataFrame = Double.parseDouble(w[1]);
                case "main", "start", "opened" -> startup.put(w[0], Double.parseDouble(w[1]));
                case "pulse" -> {
                    long[] nanos = new long[w.length - 3];
                    for (int i = 3; i < w.length; i++) {
                        nanos[i - 3] = Long.parseLong(w[i]);
                    }
                    (w[2].equals("cpu") ? cpu : wall).put(w[1], new Stats(nanos));
                }
                default -> { }
            }
        }
        for (String phase : List.of("overview", "sdks", "flags")) {
            Stats c = cpu.get(phase);
            Stats t = wall.get(phase);
            if (c == null) {
                table.addRelayOnly(phase + ": no pulses recorded", Double.NaN, "", "");
                continue;
            }
            String pulses = " (" + c.count() + " pulses)";
            table.addRelayOnly(phase + ": FX thread CPU per pulse p50" + pulses, c.percentileMillis(50), "ms", "");
            table.addRelayOnly(phase + ": FX thread CPU per pulse p99", c.percentileMillis(99), "ms", "≤ 16 ms");
            table.addRelayOnly(phase + ": FX thread CPU per pulse max", c.maxMillis(), "ms", "");
            table.addRelayOnly(phase + ": hand-over + CSS/layout wall p50", t.percentileMillis(50), "ms", "");
            table.addRelayOnly(phase + ": hand-over + CSS/layout wall p99", t.percentileMillis(99), "ms", "≤ 16 ms");
        }
        table.addRelayOnly("JVM start → main()", startup.getOrDefault("main", Double.NaN), "ms", "");
        table.addRelayOnly("JVM start → Application.start (JavaFX up)", startup.getOrDefault("start", Double.NaN),
                "ms", "");
        table.addRelayOnly("JVM start → window built and shown", startup.getOrDefault("opened", Double.NaN), "ms", "");
        table.addRelayOnly("JVM start → first frame", firstFrame, "ms", "≤ 3 s");
        table.addRelayOnly("JVM start → first frame with the relay's data", firstDataFrame, "ms", "report");
        table.addRelayOnly("live heap after full GC", ResultTable.mib(heap), "MiB", "report");
        table.addRelayOnly("RSS", ResultTable.mib(rss), "MiB", "report");
        table.addRelayOnly("SDK connection failures", failures, "", "0");
        table.print();
    }
}
