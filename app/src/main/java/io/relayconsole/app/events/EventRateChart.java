package io.relayconsole.app.events;

import io.relayconsole.app.ui.HistoryPlot;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;

/**
 * Events received per second, one line per environment on a shared scale, with a legend. Each line is one reused
 * polyline drawn from its ring buffer (no chart nodes per point); colours are the theme's, cycling over four.
 */
final class EventRateChart extends Region {
    private static final int COLOURS = 4;
    private final ObservableList<RateSeries> series;
    private final List<Polyline> lines = new ArrayList<>();
    private final Line axis = new Line();
    private final Label scale = new Label();
    private final HBox legend = new HBox(14);

    EventRateChart(ObservableList<RateSeries> series) {
        this.series = series;
        axis.getStyleClass().add("event-rate-axis");
        scale.getStyleClass().addAll("text-muted", "text-small");
        legend.setId("event-rate-legend");
        getChildren().addAll(axis, scale, legend);
        setMinHeight(110);
        setPrefHeight(140);
        series.addListener((javafx.collections.ListChangeListener<RateSeries>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().removeAll(lines);
        lines.clear();
        for (int i = 0; i < series.size(); i++) {
            Polyline line = new Polyline();
            line.getStyleClass().addAll("event-rate-line", "event-rate-" + (i % COLOURS));
            lines.add(line);
        }
        getChildren().addAll(lines);
        redraw();
    }

    @Override
    protected void layoutChildren() {
        scale.resizeRelocate(4, 0, getWidth() / 2, 16);
        legend.autosize();
        legend.relocate(Math.max(0, getWidth() - legend.getWidth() - 4), 0);
        redraw();
    }

    /** Called once per tick. */
    void redraw() {
        double max = 1;
        for (RateSeries s : series) {
            max = Math.max(max, s.history().max());
        }
        scale.setText(String.format("events received per second, max %.1f/s", max));
        updateLegend();
        HistoryPlot.axis(axis, getWidth(), getHeight());
        for (int i = 0; i < series.size() && i < lines.size(); i++) {
            HistoryPlot.plot(lines.get(i), series.get(i).history(), getWidth(), getHeight(), max, 22);
        }
    }

    private void updateLegend() {
        if (legend.getChildren().size() != series.size()) {
            legend.getChildren().clear();
            for (int i = 0; i < series.size(); i++) {
                Rectangle swatch = new Rectangle(10, 10);
                swatch.getStyleClass().add("event-rate-" + (i % COLOURS));
                Label entry = new Label("", swatch);
                entry.getStyleClass().add("text-small");
                legend.getChildren().add(entry);
            }
        }
        for (int i = 0; i < series.size(); i++) {
            RateSeries s = series.get(i);
            ((Label) legend.getChildren().get(i)).setText(String.format("%s %.1f/s", s.environment(), s.latest()));
        }
    }
}
