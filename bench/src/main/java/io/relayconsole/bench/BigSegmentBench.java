package io.relayconsole.bench;

import io.relayconsole.bigsegments.BigSegmentStore;
import io.relayconsole.bigsegments.ContextHash;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.simulator.SimulatedBigSegments.Edit;
import io.relayconsole.store.dynamodb.DynamoDbBigSegmentStore;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Initial synchronization of one big segment with N members, by the relay as an operator runs it (the headless jar in
 * its own JVM, {@link RelayUnderTest}) against the built-in upstream, which holds the N-member patch before the
 * segment appears: time from the segment appearing upstream (once the relay has settled) to the relay's cursor in the
 * store, the relay's own split (upstream's answer, reading and parsing, waiting on the store, from its log), the
 * store's and the relay's CPU and the relay's peak RSS. Redis: baseline {@code redis-cli --pipe} of the same N
 * {@code SADD}s, alternating rounds, medians reported. DynamoDB (dynalite, minutes): one round, reported only.
 */
public final class BigSegmentBench {
    private static final String PREFIX = "bench";
    private static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_BIG_SEGMENT_ROUNDS", "5"));
    private static final Pattern SPLIT = Pattern.compile("upstream answered in (\\d+) ms; then reading and parsing "
            + "(\\d+) ms, waiting on the store (\\d+) ms");

    private BigSegmentBench() {
    }

    /** {@code stores}: "all", "redis" to leave dynalite out (it takes minutes), or "dynamodb" alone. */
    public static void run(int members, String stores) throws Exception {
        List<String> keys = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            keys.add("user-" + i);
        }
        ResultTable table = new ResultTable("Initial big-segment sync, one segment of " + members + " members",
                "redis-cli --pipe SADD");
        if (!"dynamodb".equals(stores)) {
            redis(keys, table);
        }
        if (!"redis".equals(stores)) {
            dynamo(keys, table);
        }
        table.print();
    }

    /** A CPU clock of the store's server process, in seconds. */
    @FunctionalInterface
    private interface CpuClock {
        double seconds() throws IOException, InterruptedException;
    }

    /** What one relay round measured (times in ms, CPU in seconds); split figures are NaN when not logged. */
    private record RelayRound(double millis, double storeCpu, double relayCpu, double answer, double parsing,
                              double waiting, long rssBefore, long peakRss) {
    }

    /**
     * Alternating rounds, baseline then relay, each on an empty Redis and the relay a fresh process: one run on two
     * shared cores swung between 1.3× and 2.6×, so the table gives each figure's median over the rounds.
     */
    private static void redis(List<String> keys, ResultTable table) throws Exception {
        int port = ChildProcess.freePort();
        try (ChildProcess server = ChildProcess.start("redis", List.of("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"), Map.of())) {
            server.awaitPort(port, 10_000);
            Path commands = saddCommands(keys);
            double[] raw = new double[ROUNDS];
            double[] baselineCpu = new double[ROUNDS];
            List<RelayRound> relay = new ArrayList<>();
            List<String> ratios = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                flushAll(port);
                double cpu0 = redisCpuSeconds(port);
                raw[round] = pipedSadd(commands, port);
                baselineCpu[round] = redisCpuSeconds(port) - cpu0;
                flushAll(port);
                relay.add(relayRound(keys, Map.of("USE_REDIS", "true", "REDIS_URL", "redis://127.0.0.1:" + port),
                        redisStore(port), () -> redisCpuSeconds(port)));
                ratios.add(String.format(Locale.ROOT, "%.2f×", relay.get(round).millis() / raw[round]));
            }
            table.note("Median of " + ROUNDS + " rounds (BENCH_BIG_SEGMENT_ROUNDS), each `redis-cli --pipe` then a "
                    + "fresh relay on an emptied Redis; relay ÷ baseline per round: " + String.join(", ", ratios));
            table.add("Redis: initial sync (relay process)", Stats.median(raw),
                    median(relay, RelayRound::millis), "ms", "≤ 2× redis-cli --pipe");
            // Reading overlaps writing: the relay's time is the answer's wait, then reading + parsing, then whatever
            // the store still had to wait for.
            table.addRelayOnly("  of which: upstream's answer (first byte)", median(relay, RelayRound::answer),
                    "ms", "report");
            table.addRelayOnly("  of which: reading + parsing the patch (writes run meanwhile)",
                    median(relay, RelayRound::parsing), "ms", "report");
            table.addRelayOnly("  of which: waiting on Redis", median(relay, RelayRound::waiting), "ms", "report");
            table.add("  redis-server CPU time spent on it", Stats.median(baselineCpu) * 1000,
                    median(relay, RelayRound::storeCpu) * 1000, "ms", "report");
            table.addRelayOnly("  relay process CPU time spent on it (user + sys)",
                    median(relay, RelayRound::relayCpu) * 1000, "ms", "report");
            table.addRelayOnly("Relay process RSS before the segment appears",
                    ResultTable.mib((long) median(relay, RelayRound::rssBefore)), "MiB", "report");
            table.addRelayOnly("Relay process peak RSS (VmHWM), highest round",
                    ResultTable.mib(relay.stream().mapToLong(RelayRound::peakRss).max().orElse(0)), "MiB", "report");
        }
    }

    /**
     * One relay as an operator runs it, started with the patch upstream but no unbounded segment in the data; the
     * segment's arrival starts the synchronizer, as when a big segment is created in LaunchDarkly. {@code store}
     * reads the cursor the relay writes; it is closed here.
     */
    private static RelayRound relayRound(List<String> keys, Map<String, String> storeEnv, BigSegmentStore store,
                                         CpuClock storeCpu) throws Exception {
        Map<String, String> env = new HashMap<>(storeEnv);
        env.put("LD_PREFIX_bench", PREFIX);
        env.put("LOG_LEVEL", "info");
        try (store; RelayUnderTest relay = RelayUnderTest.start(FullDataSet.empty(), RelayUnderTest.relayJar(), env,
                upstream -> {
                    upstream.bigSegments().defineSegment("audience");
                    upstream.bigSegments().edit("audience", Edit.including(keys));
                    upstream.deleteSegment("audience");
                })) {
            long pid = relay.process().pid();
            awaitSettled(pid);
            long before = relay.process().memoryBytes("VmRSS");
            double storeCpu0 = storeCpu.seconds();
            long relayCpu0 = relay.process().cpuMillis();
            long t0 = System.nanoTime();
            relay.upstreamEnvironment().putSegment("{\"key\":\"audience\",\"unbounded\":true,\"generation\":1}");
            while (!"1".equals(store.cursor())) {
                if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(30)) {
                    throw new IllegalStateException("no sync within 30 minutes: " + relay.process().logTail());
                }
                Thread.sleep(5);
            }
            double millis = (System.nanoTime() - t0) / 1e6;
            double storeCpuSpent = storeCpu.seconds() - storeCpu0;
            double relayCpu = (relay.process().cpuMillis() - relayCpu0) / 1000.0;
            Matcher split = SPLIT.matcher(relay.process().logTail());
            boolean logged = split.find();
            return new RelayRound(millis, storeCpuSpent, relayCpu,
                    logged ? Double.parseDouble(split.group(1)) : Double.NaN,
                    logged ? Double.parseDouble(split.group(2)) : Double.NaN,
                    logged ? Double.parseDouble(split.group(3)) : Double.NaN, before,
                    relay.process().memoryBytes("VmHWM"));
        }
    }

    private static BigSegmentStore redisStore(int port) {
        return new RedisBigSegmentStore(RedisStoreOptions.builder().host("127.0.0.1").port(port).prefix(PREFIX)
                .build());
    }

    private static double median(List<RelayRound> rounds, ToDoubleFunction<RelayRound> figure) {
        return Stats.median(rounds.stream().mapToDouble(figure).toArray());
    }

    /**
     * Waits until the relay has finished starting (its CPU idle for a second), so the figure is the sync's and not
     * the end of the start's, as for a segment created while a relay has been running.
     */
    private static void awaitSettled(long pid) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long last = ChildProcess.cpuMillis(pid);
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = ChildProcess.cpuMillis(pid);
            if (now - last < 30) {
                return;
            }
            last = now;
        }
    }

    private static void flushAll(int port) throws IOException, InterruptedException {
        new ProcessBuilder("redis-cli", "-p", Integer.toString(port), "FLUSHALL").start().waitFor();
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

    /** The same SADDs as RESP commands in a file, for {@code redis-cli --pipe}. */
    private static Path saddCommands(List<String> keys) throws IOException {
        Path commands = Files.createTempFile("bench-sadd-", ".resp");
        commands.toFile().deleteOnExit();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(commands), 1 << 20)) {
            for (String key : keys) {
                resp(out, "SADD", "raw:big_segment_include:" + ContextHash.of(key), "audience.g1");
            }
        }
        return commands;
    }

    /** Milliseconds for {@code redis-cli --pipe} to send the SADDs in {@code commands}. */
    private static double pipedSadd(Path commands, int port) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process cli = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port), "--pipe")
                .redirectInput(commands.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!cli.waitFor(300, TimeUnit.SECONDS) || cli.exitValue() != 0) {
            throw new IllegalStateException("redis-cli --pipe failed");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** One round into dynalite: the relay process as for Redis, its DynamoDB table created beforehand. */
    private static void dynamo(List<String> keys, ResultTable table) throws Exception {
        Path cli = Path.of("relay-core/src/test/node-dynamodb/node_modules/dynalite/cli.js").toAbsolutePath();
        int port = ChildProcess.freePort();
        try (ChildProcess server = ChildProcess.start("dynalite", List.of("node", cli.toString(), "--host",
                "127.0.0.1", "--port", Integer.toString(port), "--createTableMs", "0"), Map.of())) {
            server.awaitPort(port, 20_000);
            String endpoint = "http://127.0.0.1:" + port;
            DynamoDbStoreOptions options = DynamoDbStoreOptions.builder("bench").endpoint(endpoint)
                    .region("us-east-1").credentials("benchkey", "benchsecret").prefix(PREFIX)
                    .apiCallTimeout(Duration.ofMinutes(2)).attemptTimeout(Duration.ofMinutes(1)).build();
            try (DynamoDbDataStore tables = new DynamoDbDataStore(options)) {
                tables.createTable();
            }
            RelayRound round = relayRound(keys, Map.of("USE_DYNAMODB", "true", "DYNAMODB_TABLE", "bench",
                    "DYNAMODB_URL", endpoint, "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "benchkey",
                    "AWS_SECRET_ACCESS_KEY", "benchsecret"), new DynamoDbBigSegmentStore(options),
                    () -> server.cpuMillis() / 1000.0);
            table.addRelayOnly("DynamoDB (dynalite): initial sync (relay process, one round)", round.millis(), "ms",
                    "report");
            table.addRelayOnly("  dynalite CPU time spent on it", round.storeCpu() * 1000, "ms", "report");
            table.addRelayOnly("  relay process CPU time spent on it (user + sys)", round.relayCpu() * 1000, "ms",
                    "report");
            table.addRelayOnly("  relay process peak RSS (VmHWM)", ResultTable.mib(round.peakRss()), "MiB", "report");
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
