package io.relayconsole.bench;

import io.relayconsole.model.FullDataSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two streaming measures, each run against the bare broadcaster and then the relay with the same client:
 * <ul>
 *   <li>fan-out: N open {@code /all} streams, one ~1 KB flag patch sent upstream, delay until every client
 *       parsed it (three measured patches after one warm-up, all samples pooled); server RSS and live heap;</li>
 *   <li>reconnect storm: N clients connect at once to a server holding a ~1 MB data set; time until each has
 *       its {@code put}, and the server's peak RSS during the storm. One warm-up storm, then the measured one.</li>
 * </ul>
 */
public final class StreamingBench {
    private static final int ROUNDS = 3;
    private static final int WARM_UP_STORMS = 5;
    private static final int MEASURED_STORMS = 5;

    private StreamingBench() {
    }

    public static void fanout(int connections, int flags) throws Exception {
        FullDataSet data = FlagGenerator.dataSet(flags, 1);
        ResultTable table = new ResultTable("Fan-out: " + connections + " streams (/all), " + flags
                + " flags, one ~1 KB patch", "Bare Netty SSE");
        SideResult relay;
        byte[] putData;
        try (RelayUnderTest server = RelayUnderTest.start(data)) {
            putData = putEventData(server);
            relay = fanoutSide("relay", connections, server.port(), server.process(),
                    key -> server.upstreamEnvironment().putFlag(FlagGenerator.flagJson(key, 1, 1024)), null);
        }
        SideResult bare;
        try (BareUnderTest server = BareUnderTest.start(putData)) {
            bare = fanoutSide("bare", connections, server.port(), server.process(), null, server);
        }
        table.add("connect + put, all " + connections, bare.connectMillis, relay.connectMillis, "ms", "report");
        table.add("patch delay p50", bare.stats.percentileMillis(50), relay.stats.percentileMillis(50), "ms", "");
        // Issue 16's goals: 10,000 streams within 1.1× bare; as many as the machine allows (19,000 here) within 1.3×.
        String p99Goal = connections > 10_000 ? "≤ 1.3× bare" : "≤ 1.1× bare";
        table.add("patch delay p99", bare.stats.percentileMillis(99), relay.stats.percentileMillis(99), "ms", p99Goal);
        table.add("patch delay max", bare.stats.maxMillis(), relay.stats.maxMillis(), "ms", "");
        table.add("RSS after patches", ResultTable.mib(bare.rss), ResultTable.mib(relay.rss), "MiB", "≤ 1.3× bare");
        table.add("RSS per stream", bare.rss / (double) connections / 1024, relay.rss / (double) connections / 1024,
                "KiB", "report");
        table.add("peak RSS", ResultTable.mib(bare.peakRss), ResultTable.mib(relay.peakRss), "MiB", "");
        table.add("live heap after full GC", ResultTable.mib(bare.heap), ResultTable.mib(relay.heap), "MiB", "report");
        table.add("clients missing the patch", bare.missing, relay.missing, "", "0");
        table.print();
    }

    public static void reconnect(int connections, int flags) throws Exception {
        FullDataSet data = FlagGenerator.dataSet(flags, 2);
        StormResult relay;
        byte[] putData;
        try (RelayUnderTest server = RelayUnderTest.start(data)) {
            putData = putEventData(server);
            relay = stormSide("relay", connections, server.port(), server.process());
        }
        StormResult bare;
        try (BareUnderTest server = BareUnderTest.start(putData)) {
            bare = stormSide("bare", connections, server.port(), server.process());
        }
        ResultTable table = new ResultTable("Reconnect storm: " + connections + " SDKs at once, put of "
                + String.format("%.2f", putData.length / 1048576.0) + " MiB", "Bare Netty SSE");
        table.add("put received p50 (" + MEASURED_STORMS + " storms pooled)", bare.puts.percentileMillis(50),
                relay.puts.percentileMillis(50), "ms", "");
        table.add("put received p99", bare.puts.percentileMillis(99), relay.puts.percentileMillis(99), "ms", "");
        table.add("all have their put (median storm)", bare.lastPutMillis, relay.lastPutMillis, "ms", "≤ 1.1× bare");
        table.add("peak RSS during storm (median storm)", ResultTable.mib(bare.medianPeakRss),
                ResultTable.mib(relay.medianPeakRss), "MiB", "≤ 1.3× bare");
        table.add("peak RSS, highest storm", ResultTable.mib(bare.maxPeakRss), ResultTable.mib(relay.maxPeakRss),
                "MiB", "");
        table.add("clients without a put", bare.missing, relay.missing, "", "0");
        table.print();
    }

    record SideResult(Stats stats, double connectMillis, long rss, long peakRss, long heap, long missing) {
    }

    interface Upstream {
        void send(String key) throws IOException;
    }

    private static SideResult fanoutSide(String name, int connections, int port, ChildProcess server,
                                         Upstream upstream, BareUnderTest bare) throws Exception {
        return fanoutSide(name, connections, port, server, upstream, bare, i -> "/all");
    }

    /** One side of a fan-out: client {@code i} streams {@code path.apply(i)}. */
    static SideResult fanoutSide(String name, int connections, int port, ChildProcess server, Upstream upstream,
                                 BareUnderTest bare, java.util.function.IntFunction<String> path) throws Exception {
        try (SseClients clients = new SseClients()) {
            double connectMillis = openStreams(name, clients, port, connections, path);
            List<Long> delays = new ArrayList<>();
            long missing = 0;
            for (int round = 0; round <= ROUNDS; round++) {
                String key = "bench-patch-" + name + "-" + round;
                long[] roundDelays;
                if (bare != null) {
                    clients.expectPatch("\"key\":\"" + key + "\"");
                    String body = "{\"path\":\"/flags/" + key + "\",\"data\":" + FlagGenerator.flagJson(key, 1, 1024) + "}";
                    try (BareUnderTest.Sender sender = bare.sender(body)) {
                        long t0 = System.nanoTime();
                        sender.send();
                        clients.awaitPatches(30_000);
                        roundDelays = Stats.since(t0, clients.patchTimes());
                    }
                } else {
                    roundDelays = patchDelays(clients, key, upstream);
                }
                if (round > 0) { // round 0 warms up both sides' code paths
                    for (long d : roundDelays) {
                        delays.add(d);
                    }
                    missing += clients.patchesMissing();
                }
                Thread.sleep(500);
            }
            long rss = server.memoryBytes("VmRSS");
            long peak = server.memoryBytes("VmHWM");
            long heap = server.heapUsedAfterGc();
            return new SideResult(new Stats(delays.stream().mapToLong(Long::longValue).toArray()), connectMillis,
                    rss, peak, heap, missing);
        }
    }

    /** Opens {@code connections} streams in batches of 500 and waits for every {@code put}; the time that took, in ms. */
    static double openStreams(String name, SseClients clients, int port, int connections,
                              java.util.function.IntFunction<String> path) throws InterruptedException {
        long started = System.nanoTime();
        clients.open("127.0.0.1", port, RelayUnderTest.SDK_KEY, connections, 500, path);
        if (!clients.awaitPuts(150_000)) {
            throw new IllegalStateException(name + ": " + clients.putsMissing() + " clients got no put ("
                    + clients.failures() + " failures)");
        }
        double connectMillis = (System.nanoTime() - started) / 1e6;
        System.err.printf("%s: %d streams open in %.0f ms%n", name, connections, connectMillis);
        return connectMillis;
    }

    /**
     * Sends flag {@code key} (~1 KB) upstream and waits until every stream has the patch (30 s at most): each
     * stream's delay from the send, in ns; {@link SseClients#patchesMissing()} then says how many did not get it.
     */
    static long[] patchDelays(SseClients clients, String key, Upstream upstream) throws Exception {
        clients.expectPatch("\"key\":\"" + key + "\"");
        long t0 = System.nanoTime();
        upstream.send(key);
        clients.awaitPatches(30_000);
        return Stats.since(t0, clients.patchTimes());
    }

    /**
     * Storms until the server's code is compiled (a JIT compilation's scratch memory during the measured storm
     * swung either side's peak by up to 30 MiB from run to run), then {@link #MEASURED_STORMS} measured ones: put
     * times pooled, peak RSS and time to the last put as the median storm's.
     */
    private static StormResult stormSide(String name, int connections, int port, ChildProcess server) throws Exception {
        List<Long> putTimes = new ArrayList<>();
        long[] peaks = new long[MEASURED_STORMS];
        long[] lastPut = new long[MEASURED_STORMS];
        long missing = 0;
        for (int storm = 0; storm < WARM_UP_STORMS + MEASURED_STORMS; storm++) {
            resetPeakRss(server.pid());
            try (SseClients clients = new SseClients()) {
                long t0 = System.nanoTime();
                clients.open("127.0.0.1", port, RelayUnderTest.SDK_KEY, connections, 0);
                boolean all = clients.awaitPuts(120_000);
                long[] times = Stats.since(t0, clients.putTimes());
                long peak = server.memoryBytes("VmHWM");
                long last = Arrays.stream(times).max().orElse(0);
                System.err.printf("%s storm %d%s: all puts in %.0f ms, peak RSS %d MiB%n", name, storm,
                        storm < WARM_UP_STORMS ? " (warm-up)" : "", last / 1e6, peak >> 20);
                int measured = storm - WARM_UP_STORMS;
                if (measured >= 0) {
                    Arrays.stream(times).forEach(putTimes::add);
                    peaks[measured] = peak;
                    lastPut[measured] = last;
                    missing += all ? 0 : clients.putsMissing();
                }
            }
            Thread.sleep(1000);
        }
        return new StormResult(new Stats(putTimes.stream().mapToLong(Long::longValue).toArray()),
                median(lastPut) / 1e6, median(peaks), Arrays.stream(peaks).max().orElse(0), missing);
    }

    private record StormResult(Stats puts, double lastPutMillis, long medianPeakRss, long maxPeakRss, long missing) {
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Linux resets a process's peak RSS (VmHWM) when "5" is written to its clear_refs (root here). */
    static void resetPeakRss(long pid) {
        try {
            Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
        } catch (IOException e) {
            System.err.println("cannot reset peak RSS of " + pid + " (" + e.getMessage() + "): peak includes startup");
        }
    }

    /** The relay's {@code put} data line, rebuilt from its polling body: the bytes the bare server will send. */
    static byte[] putEventData(RelayUnderTest relay) throws IOException {
        byte[] body = relay.get("/sdk/latest-all", false).body();
        byte[] head = "{\"path\":\"/\",\"data\":".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + body.length + 1];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        out[out.length - 1] = '}';
        return out;
    }
}
