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
 * {@link #SCRAPE_INTERVAL_MILLIS} ms like a Prometheus server) and one with
 * {@code -Drelayconsole.metrics=off}. They are driven in alternating rounds, on, off, off, on, on, off, ..., so a
 * drift in what else the shared cores do weighs on both. The main figure is the relay process's CPU time
 * ({@code utime + stime}) per operation: what the relay itself spent, which other processes on the machine change
 * far less than they change a wall-clock throughput.
 * <ul>
 *   <li>polling: {@code GET /sdk/latest-all} with gzip, 1,000 flags, wrk with 64 connections as in
 *       {@link PollingBench}, on two pairs of relays started in opposite orders; CPU per 1,000 requests,
 *       requests/s and p99 per round;</li>
 *   <li>fan-out: both relays hold {@code streams} open {@code /all} streams at once; a round is
 *       {@link #PATCHES_PER_ROUND} ~1 KB patches upstream, each awaited on every stream; CPU per patch delivered
 *       to all streams, delay p99 per round;</li>
 *   <li>idle with the streams open, the metrics-on relay scraped every second: CPU per second of both relays over
 *       the same seconds, so what one scrape costs.</li>
 * </ul>
 */
public final class MetricsBench {
    /**
     * How often the metrics-on relay is scraped during the rounds: {@code BENCH_SCRAPE_SECONDS}, by default 15 s, the
     * interval of Prometheus's example configuration. What one scrape costs is measured on its own (idle phase), so
     * the figure for another interval follows.
     */
    static final long SCRAPE_INTERVAL_MILLIS = 1000L
            * Long.parseLong(System.getenv().getOrDefault("BENCH_SCRAPE_SECONDS", "15"));
    private static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_METRICS_ROUNDS", "10"));
    private static final String ROUND_DURATION = "5s";
    private static final int PATCHES_PER_ROUND = 5;
    /** Per side, alternating: the first measured rounds were still 25 % dearer after one 10 s warm-up (JIT). */
    private static final int WARM_UP_ROUNDS = 3;
    private static final int POLLING_FLAGS = 1_000;
    private static final int POLLING_PAIRS = 2;
    private static final int IDLE_SCRAPES = 20;
    /**
     * {@code BENCH_METRICS_AA=1}: both relays without meters (the "on" column is a second metrics-off relay, never
     * scraped), to see how far two identical relays differ with this method: the noise and bias a real difference
     * has to stand out of.
     */
    private static final boolean A_A = "1".equals(System.getenv("BENCH_METRICS_AA"));

    private MetricsBench() {
    }

    /** A round's figures on one side: CPU per operation, throughput (or none), latency p99, failures. */
    private record Round(double cpuMillisPerOp, double perSecond, double p99Millis, double errors) {
    }

    public static void run(int streams, int fanoutFlags) throws Exception {
        String loadAtStart = ResultTable.loadAverage();
        ResultTable table = new ResultTable("Metrics on vs off: two relays in the same run, " + ROUNDS
                + " alternating rounds each (on, off, off, on, …), medians of the rounds", "metrics off",
                A_A ? "metrics off too (A/A check)" : "metrics on");
        table.note("Load average at the start: " + loadAtStart + ". Metrics on: meters, Prometheus port open,"
                + " scraped every " + SCRAPE_INTERVAL_MILLIS / 1000 + " s during the rounds. Rounds of " + ROUND_DURATION
                + " of wrk (polling) or " + PATCHES_PER_ROUND + " patches (fan-out). Ratio = on ÷ off.");
        polling(table);
        fanout(table, streams, fanoutFlags);
        table.print();
    }

    private static void polling(ResultTable table) throws Exception {
        FullDataSet data = FlagGenerator.dataSet(POLLING_FLAGS, 3);
        List<Round> on = new ArrayList<>();
        List<Round> off = new ArrayList<>();
        // Two pairs of relays, the first pair started on then off, the second off then on: in an A/A check with one
        // pair, the relay started first cost 7 % more CPU per request than its twin, as much as the difference
        // being measured.
        for (int pair = 0; pair < POLLING_PAIRS; pair++) {
            boolean onFirst = pair % 2 == 0;
            RelayUnderTest first = RelayUnderTest.start(data, onFirst && !A_A);
            try (first; RelayUnderTest second = RelayUnderTest.start(data, !onFirst && !A_A)) {
                RelayUnderTest metricsOn = onFirst ? first : second;
                RelayUnderTest metricsOff = onFirst ? second : first;
                try (Scraper scraper = new Scraper(metricsOn)) {
                    pollingRounds(metricsOn, metricsOff, ROUNDS / POLLING_PAIRS, on, off);
                    table.note("Polling, pair " + (pair + 1) + " (started " + (onFirst ? "on, off" : "off, on") + "): "
                            + scraper.summary());
                }
            }
        }
        String polling = "polling (gzip, " + POLLING_FLAGS + " flags, 64 connections): ";
        table.add(polling + "relay CPU per 1,000 requests", median(off, Round::cpuMillisPerOp),
                median(on, Round::cpuMillisPerOp), "ms", "≤ 1.03×");
        table.addRatioOnly(polling + "same, on ÷ off of each pair of adjacent rounds", pairedRatios(on, off), "≤ 1.03×");
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
        // One pair fits the client's descriptors; BENCH_METRICS_FANOUT_ORDER=off-first starts the metrics-off relay
        // first, to see the start-order bias the polling pairs cancel (the first-started relay came out dearer).
        boolean offFirst = "off-first".equals(System.getenv("BENCH_METRICS_FANOUT_ORDER"));
        table.note("Fan-out: the metrics-" + (offFirst ? "off" : "on") + " relay started first.");
        try (RelayUnderTest firstStarted = RelayUnderTest.start(data, !offFirst && !A_A);
             RelayUnderTest secondStarted = RelayUnderTest.start(data, offFirst && !A_A);
             SseClients onClients = new SseClients();
             SseClients offClients = new SseClients();
             Scraper scraper = new Scraper(offFirst ? secondStarted : firstStarted)) {
            RelayUnderTest metricsOn = offFirst ? secondStarted : firstStarted;
            RelayUnderTest metricsOff = offFirst ? firstStarted : secondStarted;
            StreamingBench.openStreams("metrics on", onClients, metricsOn.port(), streams, i -> "/all");
            StreamingBench.openStreams("metrics off", offClients, metricsOff.port(), streams, i -> "/all");
            AtomicInteger patch = new AtomicInteger();
            for (int i = -2 * WARM_UP_ROUNDS; i < 2 * ROUNDS; i++) { // negative: warm-up rounds, on and off in turn
                boolean metrics = i < 0 ? i % 2 == 0 : metricsFirst(i);
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
                System.err.printf("fan-out round %d%s, %s: p99 %.0f ms, %.1f ms CPU per patch, %d missing%n",
                        i, i < 0 ? " (warm-up)" : "", side(metrics), round.p99Millis, round.cpuMillisPerOp,
                        missing);
                if (i >= 0) {
                    (metrics ? on : off).add(round);
                }
            }
            table.note("Fan-out: " + scraper.summary());
            scraper.close(); // from here on, only the scrapes counted below
            // Both idle over the same seconds, the metrics-on relay scraped every second: what one scrape costs.
            long onBefore = metricsOn.process().cpuMillis();
            long offBefore = metricsOff.process().cpuMillis();
            for (int i = 0; i < IDLE_SCRAPES; i++) {
                if (!A_A) {
                    metricsOn.scrapeMetrics();
                }
                Thread.sleep(1000);
            }
            idleOn = (metricsOn.process().cpuMillis() - onBefore) / (double) IDLE_SCRAPES;
            idleOff = (metricsOff.process().cpuMillis() - offBefore) / (double) IDLE_SCRAPES;
        }
        String fanout = "fan-out (" + streams + " streams each, " + flags + " flags, ~1 KB patch): ";
        table.add(fanout + "relay CPU per patch delivered to all", median(off, Round::cpuMillisPerOp),
                median(on, Round::cpuMillisPerOp), "ms", "≤ 1.03×");
        table.addRatioOnly(fanout + "same, on ÷ off of each pair of adjacent rounds", pairedRatios(on, off), "≤ 1.03×");
        table.add(fanout + "patch delay p99", median(off, Round::p99Millis), median(on, Round::p99Millis), "ms",
                "≤ 1.03× (wall clock)");
        table.add(fanout + "clients missing a patch", sum(off, Round::errors), sum(on, Round::errors), "", "0");
        table.add("idle, " + streams + " streams open, on scraped every 1 s: relay CPU per second", idleOff, idleOn,
                "ms", "report");
        table.addRelayOnly("so one scrape costs", idleOn - idleOff, "ms", "report");
    }

    private static String side(boolean metrics) {
        return metrics ? (A_A ? "second metrics-off relay" : "metrics on") : "metrics off";
    }

    private static void pollingRounds(RelayUnderTest metricsOn, RelayUnderTest metricsOff, int rounds, List<Round> on,
                                      List<Round> off) throws Exception {
        String onUrl = "http://127.0.0.1:" + metricsOn.port() + "/sdk/latest-all";
        String offUrl = "http://127.0.0.1:" + metricsOff.port() + "/sdk/latest-all";
        for (int i = 0; i < WARM_UP_ROUNDS; i++) { // until the JIT has compiled the request path on both
            PollingBench.runWrk(onUrl, true, "10s", null);
            PollingBench.runWrk(offUrl, true, "10s", null);
        }
        for (int i = 0; i < 2 * rounds; i++) {
            boolean metrics = metricsFirst(i);
            RelayUnderTest relay = metrics ? metricsOn : metricsOff;
            long cpuBefore = relay.process().cpuMillis();
            PollingBench.WrkResult r = PollingBench.parse(PollingBench.runWrk(metrics ? onUrl : offUrl, true,
                    ROUND_DURATION, null));
            long cpu = relay.process().cpuMillis() - cpuBefore;
            Round round = new Round(cpu / (r.requests() / 1000.0), r.requestsPerSecond(), r.p99Millis(), r.errors());
            (metrics ? on : off).add(round);
            System.err.printf("polling round %d, %s: %.0f req/s, p99 %.2f ms, %.2f ms CPU per 1,000%n",
                    i, side(metrics), round.perSecond, round.p99Millis, round.cpuMillisPerOp);
        }
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

    /**
     * On ÷ off of each pair of adjacent rounds (rounds 2k and 2k+1 hold one of each): its median and the middle half
     * of the pairs, so the spread shows whether a difference stands out of the noise.
     */
    private static String pairedRatios(List<Round> on, List<Round> off) {
        double[] ratios = new double[Math.min(on.size(), off.size())];
        for (int k = 0; k < ratios.length; k++) {
            ratios[k] = on.get(k).cpuMillisPerOp / off.get(k).cpuMillisPerOp;
        }
        java.util.Arrays.sort(ratios);
        return String.format(java.util.Locale.ROOT, "%.3f× (middle half %.3f–%.3f×, %d pairs)", Stats.median(ratios),
                ratios[ratios.length / 4], ratios[(3 * ratios.length - 1) / 4], ratios.length);
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
            if (A_A) {
                return;
            }
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
            if (A_A) {
                return "A/A check: no relay has meters, none is scraped.";
            }
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
