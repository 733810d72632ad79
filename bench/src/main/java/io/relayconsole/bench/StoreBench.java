package io.relayconsole.bench;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.consul.ConsulDataStore;
import io.relayconsole.store.consul.ConsulStoreOptions;
import io.relayconsole.store.dynamodb.DynamoDbDataStore;
import io.relayconsole.store.dynamodb.DynamoDbStoreOptions;
import io.relayconsole.store.redis.RedisDataStore;
import io.relayconsole.store.redis.RedisStoreOptions;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A full init of N flags (and N/20 segments) and a full read back, through the engine's own stores, on each
 * backend: Redis (against {@code redis-cli --pipe} of the same MULTI/DEL/HSET/SET/EXEC, and HGETALL for the
 * read), DynamoDB (dynalite) and Consul (the KV double from relay-core's tests). Redis and Consul: median of
 * three after one warm-up; dynalite is slow enough that one measured run after a small warm-up is used.
 */
public final class StoreBench {
    private static final int RUNS = 3;

    private StoreBench() {
    }

    public static void run(int flags) throws Exception {
        FullDataSet data = FlagGenerator.dataSet(flags, 4);
        long bytes = data.flags().values().stream().mapToLong(i -> i.json().length).sum()
                + data.segments().values().stream().mapToLong(i -> i.json().length).sum();
        ResultTable table = new ResultTable("Store init of " + flags + " flags + " + data.segments().size()
                + " segments (" + Math.round(bytes / 1048576.0 * 10) / 10.0 + " MiB) and full read back",
                "Raw client");
        redis(data, table);
        dynamo(data, table);
        consul(data, table);
        table.print();
    }

    private static void redis(FullDataSet data, ResultTable table) throws Exception {
        int port = ChildProcess.freePort();
        try (ChildProcess server = ChildProcess.start("redis", List.of("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"), Map.of())) {
            server.awaitPort(port, 10_000);
            Path commands = Files.createTempFile("bench-redis-", ".resp");
            commands.toFile().deleteOnExit();
            Files.write(commands, initCommands(data, "launchdarkly"));
            double[] rawInit = new double[RUNS];
            double[] rawRead = new double[RUNS];
            redisCli(port, commands, List.of()); // warm-up
            for (int i = 0; i < RUNS; i++) {
                rawInit[i] = redisCli(port, commands, List.of("--pipe"));
                rawRead[i] = redisCli(port, null, List.of("HGETALL", "launchdarkly:features"))
                        + redisCli(port, null, List.of("HGETALL", "launchdarkly:segments"));
            }
            Timings relay;
            try (RedisDataStore store = new RedisDataStore(RedisStoreOptions.builder().host("127.0.0.1").port(port)
                    .build())) {
                relay = time(store, data, 1);
            }
            table.add("Redis: init", median(rawInit), relay.init, "ms", "≤ 2× redis-cli --pipe");
            table.add("Redis: read back (HGETALL ×2 / getAll)", median(rawRead), relay.read, "ms", "report");
        }
    }

    private static void dynamo(FullDataSet data, ResultTable table) throws Exception {
        Path cli = Path.of("relay-core/src/test/node-dynamodb/node_modules/dynalite/cli.js").toAbsolutePath();
        if (!Files.isRegularFile(cli)) {
            System.err.println("dynalite missing (npm ci in relay-core/src/test/node-dynamodb): DynamoDB skipped");
            table.addRelayOnly("DynamoDB (dynalite): skipped, not installed", Double.NaN, "", "report");
            return;
        }
        int port = ChildProcess.freePort();
        try (ChildProcess server = ChildProcess.start("dynalite", List.of("node", cli.toString(), "--host",
                "127.0.0.1", "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0"), Map.of())) {
            server.awaitPort(port, 20_000);
            DynamoDbStoreOptions options = DynamoDbStoreOptions.builder("bench").endpoint("http://127.0.0.1:" + port)
                    .region("us-east-1").credentials("benchkey", "benchsecret").build();
            try (DynamoDbDataStore store = new DynamoDbDataStore(options)) {
                store.createTable();
                store.init(FlagGenerator.dataSet(200, 9)); // warm-up: the SDK's first requests load a lot of classes
                Timings relay = time(store, data, 0);
                table.addRelayOnly("DynamoDB (dynalite): init", relay.init, "ms", "report");
                table.addRelayOnly("DynamoDB (dynalite): read back", relay.read, "ms", "report");
            }
        }
    }

    private static void consul(FullDataSet data, ResultTable table) throws Exception {
        // The double lives in relay-core's demo.consul package; looked up by name as before.
        Class<?> type = Class.forName("io.relayconsole.demo.consul.ConsulKvServer");
        try (AutoCloseable server = (AutoCloseable) type.getMethod("startOnFreePort").invoke(null)) {
            String url = (String) type.getMethod("url").invoke(server);
            try (ConsulDataStore store = new ConsulDataStore(ConsulStoreOptions.builder().url(url).build())) {
                Timings relay = time(store, data, 1);
                table.addRelayOnly("Consul (double): init", relay.init, "ms", "report");
                table.addRelayOnly("Consul (double): read back", relay.read, "ms", "report");
            }
        }
    }

    private record Timings(double init, double read) {
    }

    private static Timings time(DataStore store, FullDataSet data, int warmups) {
        int runs = warmups == 0 ? 1 : RUNS;
        double[] init = new double[runs];
        double[] read = new double[runs];
        for (int i = 0; i < warmups + runs; i++) {
            long t0 = System.nanoTime();
            store.init(data);
            long t1 = System.nanoTime();
            Map<String, Item> flags = store.getAll(DataKind.FEATURES);
            Map<String, Item> segments = store.getAll(DataKind.SEGMENTS);
            long t2 = System.nanoTime();
            if (flags.size() != data.flags().size() || segments.size() != data.segments().size()) {
                throw new IllegalStateException(store.description() + " read back " + flags.size() + " flags and "
                        + segments.size() + " segments");
            }
            if (i >= warmups) {
                init[i - warmups] = (t1 - t0) / 1e6;
                read[i - warmups] = (t2 - t1) / 1e6;
            }
        }
        return new Timings(median(init), median(read));
    }

    /** What the store sends, as RESP: MULTI, then per kind DEL + HSET in chunks of 500, SET $inited, EXEC. */
    static byte[] initCommands(FullDataSet data, String prefix) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        resp(out, List.of("MULTI".getBytes()));
        for (DataKind kind : DataKind.values()) {
            String hash = prefix + ":" + kind.namespace();
            resp(out, List.of("DEL".getBytes(), hash.getBytes()));
            List<Item> items = List.copyOf(data.get(kind).values());
            for (int start = 0; start < items.size(); start += 500) {
                List<byte[]> args = new java.util.ArrayList<>(List.of("HSET".getBytes(), hash.getBytes()));
                for (Item item : items.subList(start, Math.min(items.size(), start + 500))) {
                    args.add(item.key().getBytes(StandardCharsets.UTF_8));
                    args.add(item.json());
                }
                resp(out, args);
            }
        }
        resp(out, List.of("SET".getBytes(), (prefix + ":$inited").getBytes(), new byte[0]));
        resp(out, List.of("EXEC".getBytes()));
        return out.toByteArray();
    }

    private static void resp(ByteArrayOutputStream out, List<byte[]> args) throws IOException {
        out.write(("*" + args.size() + "\r\n").getBytes());
        for (byte[] arg : args) {
            out.write(("$" + arg.length + "\r\n").getBytes());
            out.write(arg);
            out.write("\r\n".getBytes());
        }
    }

    /** Wall time of one redis-cli process, start to exit, in ms; output discarded. */
    private static double redisCli(int port, Path input, List<String> args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p",
                Integer.toString(port)));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectInput(input == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.from(input.toFile()));
        if (args.isEmpty()) {
            builder.command().add("--pipe");
        }
        long t0 = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("redis-cli failed: " + command);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
