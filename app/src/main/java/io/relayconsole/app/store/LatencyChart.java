package io.relayconsole.app.store;

import io.relayconsole.app.ui.RingBuffer;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

/**
 * A small line chart of the latency history, drawn from its ring buffer into one reused polyline (no chart
 * nodes per point). Colours come from the stylesheet, so light and dark themes both work.
 */
final class LatencyChart extends Region {
    private final RingBuffer history;
    private final Polyline line = new Polyline();
    private final Line axis = new Line();
    private final Label scale = new Label();
    private final Double[] points;

    LatencyChart(RingBuffer history) {
        this.history = history;
        this.points = new Double[history.capacity() * 2];
        line.getStyleClass().add("latency-line");
        axis.getStyleClass().add("latency-axis");
        scale.getStyleClass().addAll("text-muted", "text-small");
        getChildren().addAll(axis, line, scale);
        setMinHeight(70);
        setPrefHeight(90);
        getStyleClass().add("latency-chart");
    }

    @Override
    protected void layoutChildren() {
        scale.resizeRelocate(4, 0, getWidth() - 8, 16);
        redraw();
    }

    void redraw() {
        double w = getWidth();
        double h = getHeight();
        axis.setStartX(0);
        axis.setEndX(w);
        axis.setStartY(h - 1);
        axis.setEndY(h - 1);
        int n = history.size();
        double max = Math.max(1, history.max());
        scale.setText(n == 0 ? "no samples yet" : String.format("latency, max %.1f ms", max));
        if (n < 2 || w <= 0) {
            line.getPoints().clear();
            return;
        }
        double step = w / (history.capacity() - 1);
        double x0 = w - (n - 1) * step;
        for (int i = 0; i < n; i++) {
            points[2 * i] = x0 + i * step;
            points[2 * i + 1] = h - 2 - (h - 20) * history.get(i) / max;
        }
        line.getPoints().setAll(java.util.Arrays.asList(points).subList(0, 2 * n));
    }
}
