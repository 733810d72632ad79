package io.relayconsole.app.timeline;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The participants' boxes above the columns, laid out exactly like the rows below (their width). */
final class LaneHeader extends Region {
    private final DoubleProperty rowWidth;
    private final List<Label> boxes = new ArrayList<>();

    LaneHeader(ObjectProperty<LaneLayout> layout, DoubleProperty rowWidth) {
        this.rowWidth = rowWidth;
        getStyleClass().add("timeline-header");
        layout.subscribe(this::rebuild);
        rowWidth.addListener((o, a, b) -> requestLayout());
        setMinHeight(36);
        setPrefHeight(36);
    }

    private void rebuild(LaneLayout l) {
        boxes.clear();
        for (int i = 0; i < l.size(); i++) {
            Label box = new Label(l.label(i));
            box.getStyleClass().add("timeline-participant");
            boxes.add(box);
        }
        getChildren().setAll(boxes);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = rowWidth.get() > 0 ? rowWidth.get() : getWidth();
        int n = boxes.size();
        double lane = LaneGeometry.laneWidth(n, w);
        for (int i = 0; i < n; i++) {
            Label box = boxes.get(i);
            double width = Math.min(lane - 8, Math.max(box.prefWidth(-1), 60));
            box.resizeRelocate(LaneGeometry.center(i, n, w) - width / 2, 4, width, 28);
        }
    }
}
