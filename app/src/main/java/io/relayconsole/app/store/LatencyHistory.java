package io.relayconsole.app.store;

/** The last N latency samples in a fixed ring buffer: the chart draws from it and nothing is allocated per tick. */
public final class LatencyHistory {
    private final double[] samples;
    private int next;
    private int size;

    public LatencyHistory(int capacity) {
        samples = new double[capacity];
    }

    public void add(double millis) {
        samples[next] = millis;
        next = (next + 1) % samples.length;
        size = Math.min(size + 1, samples.length);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return samples.length;
    }

    /** The i-th sample, oldest first. */
    public double get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return samples[(next - size + i + samples.length) % samples.length];
    }

    public double max() {
        double max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, get(i));
        }
        return max;
    }
}
