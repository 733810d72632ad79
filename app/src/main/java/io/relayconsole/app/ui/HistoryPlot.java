package io.relayconsole.app.ui;

import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

/**
 * Draws a ring buffer's history into a reused polyline, newest sample at the right edge, scaled to {@code max}
 * (the store's latency chart and the events rate chart share it). No nodes per point.
 */
public final class HistoryPlot {
    private HistoryPlot() {
    }

    /** The chart's base line along the bottom edge. */
    public static void axis(Line axis, double width, double height) {
        axis.setStartX(0);
        axis.setEndX(width);
        axis.setStartY(height - 1);
        axis.setEndY(height - 1);
    }

    /** {@code headroom}: pixels left free at the top for the scale label. Fewer than two samples draw nothing. */
    public static void plot(Polyline line, RingBuffer history, double width, double height, double max,
                            double headroom) {
        int n = history.size();
        if (n < 2 || width <= 0) {
            line.getPoints().clear();
            return;
        }
        double step = width / (history.capacity() - 1);
        double x0 = width - (n - 1) * step;
        Double[] points = new Double[2 * n];
        for (int i = 0; i < n; i++) {
            points[2 * i] = x0 + i * step;
            points[2 * i + 1] = height - 2 - (height - headroom) * history.get(i) / max;
        }
        line.getPoints().setAll(points);
    }
}
