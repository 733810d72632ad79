package io.relayconsole.bench;

import java.util.Arrays;

/** Percentiles of a set of durations given in nanoseconds. */
public final class Stats {
    private final long[] sorted;

    public Stats(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    /** Nearest-rank percentile, in milliseconds. */
    public double percentileMillis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    public int count() {
        return sorted.length;
    }

    public double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    /** The middle value (the mean of the two middle ones for an even count); NaN for none. */
    public static double median(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Each {@code times[i] - origin}, skipping clients that never got there (time 0). */
    public static long[] since(long origin, long[] times) {
        return Arrays.stream(times).filter(t -> t != 0).map(t -> t - origin).toArray();
    }
}
