package io.relayconsole.bench;

import io.relayconsole.bigsegments.ContextHash;
import io.relayconsole.bigsegments.EnvironmentBigSegments;
import io.relayconsole.bigsegments.SyncListener;
import io.relayconsole.bigsegments.SyncSettings;
import io.relayconsole.backends.StoreBackends;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.SimulatedBigSegments.Edit;
import io.relayconsole.simulator.SimulatedEnvironment;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.dynamodb.DynamoDbDataStore;
import io.relayconsole.store.dynamodb.DynamoDbStoreOptions;
import io.relayconsole.store.redis.RedisBigSegmentStore;
import io.relayconsole.store.redis.RedisStoreOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Initial synchronization of one big segment with N members. Redis: the relay as an operator runs it (the headless
 * jar in its own JVM, {@link RelayUnderTest}) against the built-in upstream, which holds the N-member patch before
 * the segment appears; time from the segment appearing upstream to the relay's cursor in Redis, the relay's own split
 * (upstream's answer, reading and parsing, waiting on the store, from its log) and its peak RSS. Baseline: {@code redis-cli --pipe} of the same N
 * {@code SADD}s. DynamoDB (dynalite): the engine's {@link EnvironmentBigSegments} in this JVM, reported only.
 */
public final class BigSegmentBench {
    private static final String SDK_KEY = "sdk-bench-big-segments";
    private static final String PREFIX = "bench";
    private static final Pattern SPLIT = Pattern.compile("upstream answered in (\\d+) ms; then reading and parsing "
            + "(\\d+) ms, waiting on the store (\\d+) ms");

    private BigSegmentBench() {
    }

    /** {@code stores}: "all", or "redis" to leave dynalite out (it takes minutes). */
    public static void run(int members, String stores) throws Exception {
        List<String> keys = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            keys.add("user-" + i);
        }
        ResultTable table = new ResultTable("Initial big-segment sync, one segment of " + members + " members",
                "redis-cli --pipe SADD");
        redis(keys, table);
        if (!"redis".equals(stores)) {
            try (FlagSimulator upstream = new FlagSimulator()) {
                upstream.start(0);
                SimulatedEnvironment env = upstream.addEmptyEnvironment(SDK_KEY);
                env.bigSegments().defineSegment("audience");
                env.bigSegments().edit("audience", Edit.including(keys));
                dynamo(upstream, env.segment("audience").orElseThrow(), table);
            }
        }
        table.print();
    }

    private static void redis(List<String> keys, ResultTable table) throws Exception {
        int port = ChildProcess.freePort();
        try (ChildProcess server = ChildProcess.start("redis", List.of("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"), Map.of())) {
            server.awaitPort(port, 10_000);
            double cpu0 = redisCpuSeconds(port);
            double raw = pipedSadd(keys, port);
            double baselineCpu = redisCpuSeconds(port) - cpu0;
            new ProcessBuilder("redis-cli", "-p", Integer.toString(port), "FLUSHALL").start().waitFor();
            // The relay starts with the patch upstream but no unbounded segment in the data; the segment's arrival
            // starts the synchronizer, as when a big segment is created in LaunchDarkly.
            Map<String, String> env = Map.of("USE_REDIS", "true", "REDIS_URL", "redis://127.0.0.1:" + port,
                    "LD_PREFIX_bench", PREFIX, "LOG_LEVEL", "info");
            try (RelayUnderTest relay = RelayUnderTest.start(FullDataSet.empty(), RelayUnderTest.relayJar(), env,
                    upstream -> {
                        upstream.bigSegments().defineSegment("audience");
                        upstream.bigSegments().edit("audience", Edit.including(keys));
                        upstream.deleteSegment("audience");
                    });
                 RedisBigSegmentStore store = new RedisBigSegmentStore(RedisStoreOptions.builder().host("127.0.0.1")
                         .port(port).prefix(PREFIX).build())) {
                long before = relay.process().memoryBytes("VmRSS");
                double cpu1 = redisCpuSeconds(port);
                double relayCpu0 = processCpuSeconds(relay.process().pid());
                long t0 = System.nanoTime();
                relay.upstreamEnvironment().putSegment(
                        "{\"key\":\"audience\",\"unbounded\":true,\"generation\":1}");
                while (!"1".equals(store.cursor())) {
                    if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(30)) {
                        throw new IllegalStateException("no sync within 30 minutes: " + relay.process().logTail());
                    }
                    Thread.sleep(5);
                }
                double relayMillis = (System.nanoTime() - t0) / 1e6;
                double relayCpu = redisCpuSeconds(port) - cpu1;
                double relayProcessCpu = processCpuSeconds(relay.process().pid()) - relayCpu0;
                table.add("Redis: initial sync (relay process)", raw, relayMillis, "ms", "≤ 2× redis-cli --pipe");
                Matcher split = SPLIT.matcher(relay.process().logTail());
                if (split.find()) {
                    // Reading overlaps writing: the relay's time is the answer's wait, then reading + parsing, then
                    // whatever the store still had to wait for.
                    table.addRelayOnly("  of which: upstream's answer (first byte)", Double.parseDouble(split.group(1)),
                            "ms", "report");
                    table.addRelayOnly("  of which: reading + parsing the patch (writes run meanwhile)",
                            Double.parseDouble(split.group(2)), "ms", "report");
                    table.addRelayOnly("  of which: waiting on Redis", Double.parseDouble(split.group(3)), "ms",
                            "report");
                }
                table.add("  redis-server CPU time spent on it", baselineCpu * 1000, relayCpu * 1000, "ms", "report");
                table.addRelayOnly("  relay process CPU time spent on it (user + sys)", relayProcessCpu * 1000,
                        "ms", "report");
                table.addRelayOnly("Relay process RSS before the segment appears", ResultTable.mib(before), "MiB",
                        "report");
                table.addRelayOnly("Relay process peak RSS (VmHWM)",
                        ResultTable.mib(relay.process().memoryBytes("VmHWM")), "MiB", "report");
            }
        }
    }

    /** redis-server's own CPU time so far (INFO cpu: user + sys), to tell Redis's work from waiting. */
    private static double redisCpuSeconds(int port) throws IOException, InterruptedException {
        Process info = new ProcessBuilder("redis-cli", "-p", Integer.toString(port), "INFO", "cpu").start();
        String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        info.waitFor();
        double seconds = 0;
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return seconds;
    }

    /** A process's CPU time so far (/proc/PID/stat utime + stime, in clock ticks of 1/100 s as on Linux). */
    private static double processCpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** Milliseconds for {@code redis-cli --pipe} to send the same SADDs (from a file written beforehand). */
    private static double pipedSadd(List<String> keys, int port) throws IOException, InterruptedException {
        Path commands = Files.createTempFile("bench-sadd-", ".resp");
        commands.toFile().deleteOnExit();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(commands), 1 << 20)) {
            for (String key : keys) {
                resp(out, "SADD", "raw:big_segment_include:" + ContextHash.of(key), "audience.g1");
            }
        }
        long t0 = System.nanoTime();
        Process cli = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port), "--pipe")
                .redirectInput(commands.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!cli.waitFor(300, TimeUnit.SECONDS) || cli.exitValue() != 0) {
            throw new IllegalStateException("redis-cli --pipe failed");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void dynamo(FlagSimulator upstream, Item segment, ResultTable table) throws Exception {
        Path cli = Path.of("relay-core/src/test/node-dynamodb/node_modules/dynalite/cli.js").toAbsolutePath();
        int port = ChildProcess.freePort();
        try (ChildProcess server = ChildProcess.start("dynalite", List.of("node", cli.toString(), "--host",
                "127.0.0.1", "--port", Integer.toString(port), "--createTableMs", "0"), Map.of())) {
            server.awaitPort(port, 20_000);
            DynamoDbStoreOptions options = DynamoDbStoreOptions.builder("bench").endpoint("http://127.0.0.1:" + port)
                    .region("us-east-1").credentials("benchkey", "benchsecret")
                    .apiCallTimeout(Duration.ofMinutes(2)).attemptTimeout(Duration.ofMinutes(1)).build();
            try (DynamoDbDataStore store = new DynamoDbDataStore(options)) {
                store.createTable();
                table.addRelayOnly("DynamoDB (dynalite): initial sync (engine in the bench JVM)",
                        sync(upstream, store, segment), "ms", "report");
            }
        }
    }

    /** Milliseconds from the segment appearing in the data to the cursor of the one patch being stored. */
    private static double sync(FlagSimulator upstream, DataStore backend, Item segment) throws InterruptedException {
        SyncSettings settings = new SyncSettings(upstream.baseUri(), upstream.streamUri(), SDK_KEY, "bench",
                Duration.ofMillis(100), SyncSettings.IDLE_REFRESH_INTERVAL, Duration.ofMillis(50),
                Duration.ofMinutes(5));
        try (EnvironmentBigSegments bigSegments = new EnvironmentBigSegments("bench", settings,
                StoreBackends::bigSegmentStore, () -> backend, Clock.systemUTC(), SyncListener.NONE)) {
            long t0 = System.nanoTime();
            bigSegments.segmentsReplaced(List.of(segment));
            while (!"1".equals(bigSegments.stats().cursor())) {
                if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(30)) {
                    throw new IllegalStateException("no sync within 30 minutes: " + bigSegments.stats());
                }
                Thread.sleep(5);
            }
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    private static void resp(OutputStream out, String... args) throws IOException {
        out.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            out.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
