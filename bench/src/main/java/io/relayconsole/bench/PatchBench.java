package io.relayconsole.bench;

import io.relayconsole.model.FullDataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU the relay spends per upstream patch with a large flag set: {@code FLAGS} flags, a few open streams, patches
 * sent upstream at {@code RATE} per second for {@link #SECONDS} s; the relay's user + system CPU time over that
 * window (from /proc/PID/stat) divided by the patches it applied. With {@code BENCH_BASELINE_RELAY_JAR} (an earlier
 * build, e.g. before the structurally shared data set) both jars are measured in the same run, one after the other.
 */
public final class PatchBench {
    private static final int SECONDS = 20;
    private static final int STREAMS = 20;

    private PatchBench() {
    }

    public static void run(int flags, int rate) throws Exception {
        FullDataSet data = FlagGenerator.dataSet(flags, 3);
        String baselineJar = System.getenv("BENCH_BASELINE_RELAY_JAR");
        ResultTable table = new ResultTable(flags + " flags, " + rate + " upstream patches/s for " + SECONDS
                + " s, " + STREAMS + " streams open", baselineJar == null ? "—" : "relay before (" + baselineJar + ")");
        double relay = cpuPerPatch("relay", data, RelayUnderTest.relayJar(), rate);
        if (baselineJar != null) {
            double before = cpuPerPatch("before", data, Path.of(baselineJar), rate);
            table.add("relay CPU per patch", before, relay, "ms", "lower than before");
        } else {
            table.addRelayOnly("relay CPU per patch", relay, "ms", "report");
        }
        table.print();
    }

    private static double cpuPerPatch(String name, FullDataSet data, Path jar, int rate) throws Exception {
        try (RelayUnderTest server = RelayUnderTest.start(data, jar, java.util.Map.of()); SseClients clients = new SseClients()) {
            clients.open("127.0.0.1", server.port(), RelayUnderTest.SDK_KEY, STREAMS, 0);
            if (!clients.awaitPuts(60_000)) {
                throw new IllegalStateException(name + ": the streams got no put");
            }
            warmUp(server, rate);
            int patches = SECONDS * rate;
            clients.expectPatch("\"key\":\"measured-" + name + "-" + (patches - 1) + "\"");
            long cpuBefore = cpuMillis(server.process().pid());
            send(server, "measured-" + name, patches, rate);
            if (!clients.awaitPatches(30_000)) {
                throw new IllegalStateException(name + ": the last patch did not reach the streams");
            }
            long cpu = cpuMillis(server.process().pid()) - cpuBefore;
            System.err.printf("%s: %d patches, %d ms CPU%n", name, patches, cpu);
            return cpu / (double) patches;
        }
    }

    /** Five seconds of patches first, so both jars are measured with their hot code compiled. */
    private static void warmUp(RelayUnderTest server, int rate) throws Exception {
        send(server, "warm-up", 5 * rate, rate);
        Thread.sleep(1000);
    }

    private static void send(RelayUnderTest server, String prefix, int patches, int rate) throws Exception {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int i = 0; i < patches; i++) {
            server.upstreamEnvironment().putFlag(FlagGenerator.flagJson(prefix + "-" + i, 1, 1024));
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    /** User + system CPU of a process so far (fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms). */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }
}
