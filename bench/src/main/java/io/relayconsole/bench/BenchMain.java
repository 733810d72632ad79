package io.relayconsole.bench;

import java.util.Locale;

/** Entry point of bench/run: one subcommand per measure. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        String measure = args.length > 0 ? args[0] : "";
        switch (measure) {
            case "polling-gzip" -> PollingBench.run(true);
            case "polling-plain" -> PollingBench.run(false);
            case "fanout" -> StreamingBench.fanout(intArg(args, 1, 10_000), intArg(args, 2, 100));
            case "reconnect" -> StreamingBench.reconnect(intArg(args, 1, 1_000), intArg(args, 2, 1_000));
            case "stores" -> StoreBench.run(intArg(args, 1, 10_000));
            case "big-segments" -> BigSegmentBench.run(intArg(args, 1, 1_000_000), args.length > 2 ? args[2] : "all");
            case "coldstart" -> ColdStartBench.run(intArg(args, 1, 10_000));
            case "console" -> ConsoleBench.run(intArg(args, 1, 10_000), intArg(args, 2, 10_000));
            case "patches" -> PatchBench.run(intArg(args, 1, 10_000), intArg(args, 2, 50));
            case "evalx" -> ClientSideBench.evalx(intArg(args, 1, 1_000), intArg(args, 2, 10_000));
            case "client-fanout" -> ClientSideBench.fanout(intArg(args, 1, 10_000), intArg(args, 2, 100),
                    intArg(args, 3, 100));
            case "metrics" -> MetricsBench.run(intArg(args, 1, 9_000), intArg(args, 2, 100));
            case "events" -> EventsBench.run(intArg(args, 1, 200), intArg(args, 2, 60));
            default -> {
                System.err.println("usage: bench/run polling-gzip|polling-plain|fanout|reconnect|stores|big-segments|coldstart|console|patches|events|metrics|all");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
