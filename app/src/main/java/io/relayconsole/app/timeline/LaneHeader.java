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
    private final List<String> fullNames = new ArrayList<>();

    LaneHeader(ObjectProperty<LaneLayout> layout, DoubleProperty rowWidth) {
        this.rowWidth = rowWidth;
        getStyleClass().add("timeline-header");
        layout.subscribe(this::rebuild);
        rowWidth.addListener((o, a, b) -> requestLayout());
        setMinHeight(44);
        setPrefHeight(44);
    }

    private void rebuild(LaneLayout l) {
        boxes.clear();
        fullNames.clear();
        for (int i = 0; i < l.size(); i++) {
            Label box = new Label(l.label(i));
            box.setUserData(l.participants().get(i)); // the short name, for a column too narrow for one word
            box.getStyleClass().add("timeline-participant");
            box.setWrapText(true); // "Persistent Store" on two lines rather than cut in a narrow diagram
            boxes.add(box);
            fullNames.add(l.label(i));
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
            String full = fullNames.get(i);
            javafx.scene.text.Text measure = new javafx.scene.text.Text(full);
            measure.setFont(box.getFont());
            boolean oneWordTooWide = full.indexOf(' ') < 0 && measure.getLayoutBounds().getWidth() + 10 > lane - 4;
            box.setText(oneWordTooWide ? (String) box.getUserData() : full); // "LD" rather than "LaunchDar/kly"
            double width = Math.min(lane - 4, Math.max(box.prefWidth(-1), 60));
            box.resizeRelocate(LaneGeometry.center(i, n, w) - width / 2, 2, width, 40);
        }
    }
}
