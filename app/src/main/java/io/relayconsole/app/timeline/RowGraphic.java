package io.relayconsole.app.timeline;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One row drawn with a handful of nodes: the lifelines, then an arrow with its label (a cross at the end of a
 * failure, with an icon) or a note box over a column. Reused by its cell for any row.
 */
final class RowGraphic extends Region {
    static final double HEIGHT = 34;
    private static final double ARROW_Y = 26;
    private static final double HEAD = 7;

    private final Label gutter = new Label();
    private final List<Line> lifelines = new ArrayList<>();
    private final Line shaft = new Line();
    private final Polygon head = new Polygon();
    private final Line crossA = new Line();
    private final Line crossB = new Line();
    private final Label label = new Label();
    private final Label note = new Label();
    private TimelineRow row;
    private LaneLayout layout;

    RowGraphic() {
        getStyleClass().add("timeline-row-graphic");
        gutter.getStyleClass().add("timeline-gutter");
        shaft.getStyleClass().add("timeline-arrow");
        head.getStyleClass().add("timeline-arrow-head");
        crossA.getStyleClass().add("timeline-cross");
        crossB.getStyleClass().add("timeline-cross");
        label.getStyleClass().add("timeline-label");
        note.getStyleClass().add("timeline-note");
        getChildren().addAll(gutter, shaft, head, crossA, crossB, label, note);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
    }

    void show(TimelineRow newRow, LaneLayout newLayout) {
        this.row = newRow;
        this.layout = newLayout;
        while (lifelines.size() < newLayout.size()) {
            Line l = new Line();
            l.getStyleClass().add("timeline-lifeline");
            lifelines.add(l);
            getChildren().add(0, l);
        }
        for (int i = 0; i < lifelines.size(); i++) {
            lifelines.get(i).setVisible(i < newLayout.size());
        }
        boolean noteRow = newRow.isNote();
        gutter.setText(newRow.gutter());
        gutter.setGraphic(newRow.marked() ? new FontIcon(Material2MZ.WARNING)
                : newRow.tolerated() ? new FontIcon(Material2AL.INFO) : null);
        note.setVisible(noteRow);
        note.setText(noteRow ? newRow.label() : null);
        label.setVisible(!noteRow);
        label.setText(noteRow ? null : newRow.label());
        label.setGraphic(newRow.isFailure() ? new FontIcon(Material2AL.ERROR_OUTLINE) : null);
        shaft.setVisible(!noteRow);
        head.setVisible(!noteRow && !newRow.isFailure());
        crossA.setVisible(!noteRow && newRow.isFailure());
        crossB.setVisible(!noteRow && newRow.isFailure());
        pseudo("failure", newRow.isFailure());
        pseudo("response", newRow.isResponse());
        pseudo("marked", newRow.marked());
        pseudo("tolerated", newRow.tolerated());
        pseudo("current", newRow.current());
        requestLayout();
    }

    private void pseudo(String name, boolean on) {
        String style = "timeline-" + name;
        getStyleClass().remove(style);
        if (on) {
            getStyleClass().add(style);
        }
    }

    private static double clamp(double x, double width, double rowWidth) {
        return Math.max(LaneGeometry.GUTTER, Math.min(x, rowWidth - width));
    }

    @Override
    protected void layoutChildren() {
        if (row == null || layout == null) {
            return;
        }
        double w = getWidth();
        int n = layout.size();
        gutter.resizeRelocate(4, 0, LaneGeometry.GUTTER - 8, HEIGHT);
        for (int i = 0; i < n; i++) {
            double x = LaneGeometry.center(i, n, w);
            Line l = lifelines.get(i);
            l.setStartX(x);
            l.setEndX(x);
            l.setStartY(0);
            l.setEndY(HEIGHT);
        }
        double lane = LaneGeometry.laneWidth(n, w);
        double from = LaneGeometry.center(row.fromLane(), n, w);
        if (row.isNote()) {
            double width = Math.min(Math.min(lane * 3, w - LaneGeometry.GUTTER), Math.max(note.prefWidth(-1), lane * 0.8));
            note.resizeRelocate(clamp(from - width / 2, width, w), 4, width, HEIGHT - 8);
            return;
        }
        double to = LaneGeometry.center(row.toLane(), n, w);
        double direction = row.pointsRight() ? 1 : -1;
        shaft.setStartX(from);
        shaft.setEndX(to - direction * 2);
        shaft.setStartY(ARROW_Y);
        shaft.setEndY(ARROW_Y);
        head.getPoints().setAll(to, ARROW_Y, to - direction * HEAD, ARROW_Y - HEAD / 2, to - direction * HEAD,
                ARROW_Y + HEAD / 2);
        crossA.setStartX(to - 5);
        crossA.setEndX(to + 5);
        crossA.setStartY(ARROW_Y - 5);
        crossA.setEndY(ARROW_Y + 5);
        crossB.setStartX(to - 5);
        crossB.setEndX(to + 5);
        crossB.setStartY(ARROW_Y + 5);
        crossB.setEndY(ARROW_Y - 5);
        // Labels may run past the arrow's ends (as Mermaid draws them), but stay inside the row.
        double labelWidth = Math.min(label.prefWidth(-1), w - LaneGeometry.GUTTER);
        label.resizeRelocate(clamp((from + to) / 2 - labelWidth / 2, labelWidth, w), 2, labelWidth, ARROW_Y - 6);
    }
}
