package io.relayconsole.bench;

import io.relayconsole.bigsegments.ContextHash;
import io.relayconsole.bigsegments.EnvironmentBigSegments;
import io.relayconsole.bigsegments.SyncListener;
import io.relayconsole.bigsegments.SyncSettings;
import io.relayconsole.backends.StoreBackends;
import io.relayconsole.model.Item;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.SimulatedBigSegments.Edit;
import io.relayconsole.simulator.SimulatedEnvironment;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.dynamodb.DynamoDbDataStore;
import io.relayconsole.store.dynamodb.DynamoDbStoreOptions;
import io.relayconsole.store.redis.RedisDataStore;
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

/**
 * Initial synchronization of one big segment with N members, as the relay does it: the built-in upstream serves the
 * patch, the engine's synchronizer polls it and writes it into Redis and into dynalite. Time from the first segment
 * seen to the cursor written, and this JVM's peak RSS (which holds the upstream's patch too). Redis baseline:
 * {@code redis-cli --pipe} of the same N {@code SADD}s.
 */
public final class BigSegmentBench {
    private static final String SDK_KEY = "sdk-bench-big-segments";

    private BigSegmentBench() {
    }

    public static void run(int members) throws Exception {
        List<String> keys = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            keys.add("user-" + i);
        }
        ResultTable table = new ResultTable("Initial big-segment sync, one segment of " + members + " members",
                "redis-cli --pipe SADD");
        try (FlagSimulator upstream = new FlagSimulator()) {
            upstream.start(0);
            SimulatedEnvironment env = upstream.addEmptyEnvironment(SDK_KEY);
            env.bigSegments().defineSegment("audience");
            env.bigSegments().edit("audience", Edit.including(keys));
            Item segment = env.segment("audience").orElseThrow();
            redis(members, upstream, segment, table);
            dynamo(upstream, segment, table);
        }
        table.addRelayOnly("Bench JVM peak RSS (relay + upstream's patch)",
                ResultTable.mib(ChildProcess.procStatus(ProcessHandle.current().pid(), "VmHWM")), "MiB", "report");
        table.print();
    }

    private static void redis(int members, FlagSimulator upstream, Item segment, ResultTable table) throws Exception {
        int port = ChildProcess.freePort();
        try (ChildProcess server = ChildProcess.start("redis", List.of("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"), Map.of())) {
            server.awaitPort(port, 10_000);
            Path commands = Files.createTempFile("bench-sadd-", ".resp");
            commands.toFile().deleteOnExit();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(commands), 1 << 20)) {
                for (int i = 0; i < members; i++) {
                    resp(out, "SADD", "raw:big_segment_include:" + ContextHash.of("user-" + i), "audience.g1");
                }
            }
            long t0 = System.nanoTime();
            Process cli = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port), "--pipe")
                    .redirectInput(commands.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!cli.waitFor(300, TimeUnit.SECONDS) || cli.exitValue() != 0) {
                throw new IllegalStateException("redis-cli --pipe failed");
            }
            double raw = (System.nanoTime() - t0) / 1e6;
            try (RedisDataStore store = new RedisDataStore(RedisStoreOptions.builder().host("127.0.0.1").port(port)
                    .build())) {
                table.add("Redis: initial sync", raw, sync(upstream, store, segment), "ms", "≤ 2× redis-cli --pipe");
            }
        }
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
                table.addRelayOnly("DynamoDB (dynalite): initial sync", sync(upstream, store, segment), "ms", "report");
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
