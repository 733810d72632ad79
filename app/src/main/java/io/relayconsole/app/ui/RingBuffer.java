package io.relayconsole.app.ui;

/**
 * The latest samples of a chart (the overview's sparklines, the store's latency chart), oldest first: a fixed
 * ring, so adding never allocates and the oldest sample falls off.
 */
public final class RingBuffer {
    private final double[] values;
    private int size;
    private int next;

    public RingBuffer(int capacity) {
        this.values = new double[capacity];
    }

    public void add(double value) {
        values[next] = value;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return values.length;
    }

    /** The i-th held sample, 0 the oldest. */
    public double get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return values[(next - size + i + values.length) % values.length];
    }

    public double max() {
        double max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, get(i));
        }
        return max;
    }

    public void clear() {
        size = 0;
        next = 0;
    }
}
