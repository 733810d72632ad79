package io.relayconsole.app.ui;

import java.time.Duration;
import java.time.Instant;

/**
 * A per-second rate of a growing counter over the last few samples, so a counter that moves every other tick
 * reads as a steady rate instead of a zig-zag. Fixed arrays; nothing is allocated per sample.
 */
public final class RateWindow {
    private final Instant[] times;
    private final long[] counts;
    private int size;
    private int next;

    public RateWindow(int samples) {
        this.times = new Instant[samples];
        this.counts = new long[samples];
    }

    /** Records the counter's value at {@code time} and returns the rate over the window (0 until two samples). */
    public double add(Instant time, long count) {
        times[next] = time;
        counts[next] = count;
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
        if (size < 2) {
            return 0;
        }
        int oldest = (next - size + times.length) % times.length;
        int newest = (next - 1 + times.length) % times.length;
        double seconds = Duration.between(times[oldest], times[newest]).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : Math.max(0, counts[newest] - counts[oldest]) / seconds;
    }

    public void clear() {
        size = 0;
        next = 0;
    }
}
