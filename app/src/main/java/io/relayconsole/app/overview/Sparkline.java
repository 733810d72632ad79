package io.relayconsole.app.overview;

import io.relayconsole.app.ui.RingBuffer;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polyline;

/**
 * A tiny line chart of a ring buffer: one polyline whose points are rewritten in one list update per redraw,
 * styled from CSS ({@code .sparkline-line}) so it follows the theme.
 */
public final class Sparkline extends Region {
    private final Polyline line = new Polyline();
    private final RingBuffer data;
    private final double[] points;

    public Sparkline(RingBuffer data) {
        this.data = data;
        this.points = new double[data.capacity() * 2];
        line.getStyleClass().add("sparkline-line");
        line.setManaged(false);
        getChildren().add(line);
        getStyleClass().add("sparkline");
        setPrefSize(170, 30);
        setMinHeight(30);
    }

    @Override
    protected void layoutChildren() {
        redraw();
    }

    /** Draws the held samples scaled to the largest, newest at the right edge. */
    public void redraw() {
        double w = getWidth();
        double h = getHeight();
        int n = data.size();
        if (n < 2 || w <= 0) {
            line.getPoints().clear();
            return;
        }
        double max = Math.max(data.max(), 1e-9);
        double step = w / (data.capacity() - 1);
        double x0 = w - (n - 1) * step;
        Double[] boxed = new Double[n * 2];
        for (int i = 0; i < n; i++) {
            points[2 * i] = x0 + i * step;
            points[2 * i + 1] = h - 2 - (data.get(i) / max) * (h - 4);
            boxed[2 * i] = points[2 * i];
            boxed[2 * i + 1] = points[2 * i + 1];
        }
        line.getPoints().setAll(boxed);
    }
}
