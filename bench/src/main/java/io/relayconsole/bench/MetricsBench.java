package io.relayconsole.bench;

import io.relayconsole.model.FullDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * What the relay's meters cost (issue 14's goal: at most 3 %). Two relays as shipped, started in the same run with the
 * same jar, JVM options and flags: one as operators run it (meters recorded, Prometheus port open and scraped every
 * {@link #SCRAPE_INTERVAL_MILLIS} ms like a Prometheus server with a short interval) and one with
 * {@code -Drelayconsole.metrics=off}. They are driven in alternating rounds, on, off, off, on, on, off, ..., so a
 * drift in what else the shared cores do weighs on both. The main figure is the relay process's CPU time
 * ({@code utime + stime}) per operation: what the relay itself spent, which other processes on the machine change
 * far less than they change a wall-clock throughput.
 * <ul>
 *   <li>polling: {@code GET /sdk/latest-all} with gzip, 1,000 flags, wrk with 64 connections as in
 *       {@link PollingBench}; CPU per 1,000 requests, requests/s and p99 per round;</li>
 *   <li>fan-out: both relays hold {@code streams} open {@code /all} streams at once; a round is
 *       {@link #PATCHES_PER_ROUND} ~1 KB patches upstream, each awaited on every stream; CPU per patch delivered
 *       to all streams, delay p99 per round;</li>
 *   <li>idle with the streams open: CPU per second of both relays over the same seconds (what the scrapes cost).</li>
 * </ul>
 */
public final class MetricsBench {
    /** Prometheus's default is 15 s; every second is the costlier end of what operators configure. */
    static final long SCRAPE_INTERVAL_MILLIS = 1_000;
    private static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_METRICS_ROUNDS", "6"));
    private static final int PATCHES_PER_ROUND = 10;
    private static final int POLLING_FLAGS = 1_000;
    private static final long IDLE_MILLIS = 10_000;

    private MetricsBench() {
    }

    /** A round's figures on one side: CPU per operation, throughput (or none), latency p99, failures. */
    private record Round(double cpuMillisPerOp, double perSecond, double p99Millis, double errors) {
    }

    public static void run(int streams, int fanoutFlags) throws Exception {
        String loadAtStart = ResultTable.loadAverage();
        ResultTable table = new ResultTable("Metrics on vs off: two relays in the same run, " + ROUNDS
                + " alternating rounds each (on, off, off, on, …), medians of the rounds", "metrics off", "metrics on");
        table.note("Load average at the start: " + loadAtStart + ". Metrics on: meters, Prometheus port open,"
                + " scraped every " + SCRAPE_INTERVAL_MILLIS / 1000 + " s. Ratio = on ÷ off.");
        polling(table);
        fanout(table, streams, fanoutFlags);
        table.print();
    }

    private static void polling(ResultTable table) throws Exception {
        FullDataSet data = FlagGenerator.dataSet(POLLING_FLAGS, 3);
        List<Round> on = new ArrayList<>();
        List<Round> off = new ArrayList<>();
        try (RelayUnderTest metricsOn = RelayUnderTest.start(data, true);
             RelayUnderTest metricsOff = RelayUnderTest.start(data, false);
             Scraper scraper = new Scraper(metricsOn)) {
            String onUrl = "http://127.0.0.1:" + metricsOn.port() + "/sdk/latest-all";
            String offUrl = "http://127.0.0.1:" + metricsOff.port() + "/sdk/latest-all";
            PollingBench.runWrk(onUrl, true, "10s", null); // until the JIT has compiled the request path
            PollingBench.runWrk(offUrl, true, "10s", null);
            for (int i = 0; i < 2 * ROUNDS; i++) {
                boolean metrics = metricsFirst(i);
                RelayUnderTest relay = metrics ? metricsOn : metricsOff;
                long cpuBefore = relay.process().cpuMillis();
                PollingBench.WrkResult r = PollingBench.wrk(metrics ? onUrl : offUrl, true);
                long cpu = relay.process().cpuMillis() - cpuBefore;
                Round round = new Round(cpu / (r.requests() / 1000.0), r.requestsPerSecond(), r.p99Millis(),
                        r.errors());
                (metrics ? on : off).add(round);
                System.err.printf("polling round %d, metrics %s: %.0f req/s, p99 %.2f ms, %.2f ms CPU per 1,000%n",
                        i, metrics ? "on" : "off", round.perSecond, round.p99Millis, round.cpuMillisPerOp);
            }
            table.note("Polling: " + scraper.summary());
        }
        String polling = "polling (gzip, " + POLLING_FLAGS + " flags, 64 connections): ";
        table.add(polling + "relay CPU per 1,000 requests", median(off, Round::cpuMillisPerOp),
                median(on, Round::cpuMillisPerOp), "ms", "≤ 1.03×");
        table.add(polling + "requests/s", median(off, Round::perSecond), median(on, Round::perSecond), "",
                "≥ 0.97× (wall clock)");
        table.add(polling + "latency p99", median(off, Round::p99Millis), median(on, Round::p99Millis), "ms",
                "≤ 1.03× (wall clock)");
        table.add(polling + "non-2xx or socket errors", sum(off, Round::errors), sum(on, Round::errors), "", "0");
    }

    private static void fanout(ResultTable table, int streams, int flags) throws Exception {
        FullDataSet data = FlagGenerator.dataSet(flags, 1);
        List<Round> on = new ArrayList<>();
        List<Round> off = new ArrayList<>();
        double idleOn;
        double idleOff;
        try (RelayUnderTest metricsOn = RelayUnderTest.start(data, true);
             RelayUnderTest metricsOff = RelayUnderTest.start(data, false);
             SseClients onClients = new SseClients();
             SseClients offClients = new SseClients();
             Scraper scraper = new Scraper(metricsOn)) {
            StreamingBench.openStreams("metrics on", onClients, metricsOn.port(), streams, i -> "/all");
            StreamingBench.openStreams("metrics off", offClients, metricsOff.port(), streams, i -> "/all");
            AtomicInteger patch = new AtomicInteger();
            for (int i = -2; i < 2 * ROUNDS; i++) { // two warm-up rounds, one per side
                boolean metrics = i < 0 ? i == -2 : metricsFirst(i);
                RelayUnderTest relay = metrics ? metricsOn : metricsOff;
                SseClients clients = metrics ? onClients : offClients;
                StreamingBench.Upstream upstream = key -> relay.upstreamEnvironment()
                        .putFlag(FlagGenerator.flagJson(key, 1, 1024));
                long cpuBefore = relay.process().cpuMillis();
                List<Long> delays = new ArrayList<>();
                long missing = 0;
                for (int p = 0; p < PATCHES_PER_ROUND; p++) {
                    for (long d : StreamingBench.patchDelays(clients, "bench-metrics-" + patch.incrementAndGet(),
                            upstream)) {
                        delays.add(d);
                    }
                    missing += clients.patchesMissing();
                    Thread.sleep(200);
                }
                long cpu = relay.process().cpuMillis() - cpuBefore;
                Stats stats = new Stats(delays.stream().mapToLong(Long::longValue).toArray());
                Round round = new Round(cpu / (double) PATCHES_PER_ROUND, Double.NaN, stats.percentileMillis(99),
                        missing);
                System.err.printf("fan-out round %d%s, metrics %s: p99 %.0f ms, %.1f ms CPU per patch, %d missing%n",
                        i, i < 0 ? " (warm-up)" : "", metrics ? "on" : "off", round.p99Millis, round.cpuMillisPerOp,
                        missing);
                if (i >= 0) {
                    (metrics ? on : off).add(round);
                }
            }
            // Both idle over the same seconds: what the meters and the scrapes cost with the streams open.
            long onBefore = metricsOn.process().cpuMillis();
            long offBefore = metricsOff.process().cpuMillis();
            Thread.sleep(IDLE_MILLIS);
            idleOn = (metricsOn.process().cpuMillis() - onBefore) * 1000.0 / IDLE_MILLIS;
            idleOff = (metricsOff.process().cpuMillis() - offBefore) * 1000.0 / IDLE_MILLIS;
            table.note("Fan-out: " + scraper.summary());
        }
        String fanout = "fan-out (" + streams + " streams each, " + flags + " flags, ~1 KB patch): ";
        table.add(fanout + "relay CPU per patch delivered to all", median(off, Round::cpuMillisPerOp),
                median(on, Round::cpuMillisPerOp), "ms", "≤ 1.03×");
        table.add(fanout + "patch delay p99", median(off, Round::p99Millis), median(on, Round::p99Millis), "ms",
                "≤ 1.03× (wall clock)");
        table.add(fanout + "clients missing a patch", sum(off, Round::errors), sum(on, Round::errors), "", "0");
        table.add("idle, " + streams + " streams open: relay CPU per second", idleOff, idleOn, "ms", "report");
    }

    /** Round {@code i}'s side: pairs alternate which goes first (on, off, off, on, on, off, …). */
    private static boolean metricsFirst(int i) {
        boolean firstOfPair = i % 2 == 0;
        boolean pairStartsWithOn = (i / 2) % 2 == 0;
        return firstOfPair == pairStartsWithOn;
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
        return Stats.median(rounds.stream().mapToDouble(figure).toArray());
    }

    private static double sum(List<Round> rounds, ToDoubleFunction<Round> figure) {
        return rounds.stream().mapToDouble(figure).sum();
    }

    /** Scrapes the metrics-on relay's {@code /metrics} every {@link #SCRAPE_INTERVAL_MILLIS} ms, as Prometheus would. */
    private static final class Scraper implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-prometheus-scraper");
            t.setDaemon(true);
            return t;
        });
        private final AtomicInteger scrapes = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicLong lastBytes = new AtomicLong();
        private volatile String firstFailure = "";

        Scraper(RelayUnderTest relay) {
            timer.scheduleAtFixedRate(() -> {
                try {
                    lastBytes.set(relay.scrapeMetrics());
                    scrapes.incrementAndGet();
                } catch (Exception e) {
                    if (failures.getAndIncrement() == 0) {
                        firstFailure = e.toString();
                    }
                }
            }, 0, SCRAPE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }

        /** What was scraped; a measure without scrapes did not measure metrics as operators run them. */
        String summary() {
            if (scrapes.get() == 0) {
                throw new IllegalStateException("the metrics-on relay was never scraped: " + firstFailure);
            }
            return scrapes.get() + " scrapes of the metrics-on relay (" + lastBytes.get() + " bytes each)"
                    + (failures.get() > 0 ? ", " + failures.get() + " failed (" + firstFailure + ")" : "") + ".";
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
