package io.relayconsole.app.store;

import io.relayconsole.app.ui.HistoryPlot;
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

    LatencyChart(RingBuffer history) {
        this.history = history;
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
        double max = Math.max(1, history.max());
        scale.setText(history.size() == 0 ? "no samples yet" : String.format("latency, max %.1f ms", max));
        HistoryPlot.axis(axis, getWidth(), getHeight());
        HistoryPlot.plot(line, history, getWidth(), getHeight(), max, 20);
    }
}
