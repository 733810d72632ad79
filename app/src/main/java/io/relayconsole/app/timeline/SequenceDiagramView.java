package io.relayconsole.app.timeline;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * A sequence diagram as a virtualized list of fixed-height rows under a header of participants; the live
 * timeline and both of a scenario's diagrams use it. With {@link #setFollow follow} on, it keeps the newest
 * row in view.
 */
public final class SequenceDiagramView extends BorderPane {
    private final DiagramModel model;
    private final ListView<TimelineRow> list;
    private final DoubleProperty rowWidth = new SimpleDoubleProperty();
    private boolean follow;
    private boolean scrollPending;

    public SequenceDiagramView(DiagramModel model, String placeholder) {
        this.model = model;
        list = new ListView<>(model.rows());
        list.getStyleClass().add("timeline-list");
        list.setFixedCellSize(RowGraphic.HEIGHT);
        list.setPlaceholder(new Label(placeholder));
        list.setCellFactory(v -> new RowCell());
        // One deferred scroll per tick's batch, after the list has taken it in.
        model.rows().addListener((ListChangeListener<TimelineRow>) c -> {
            if (follow && !scrollPending) {
                scrollPending = true;
                Platform.runLater(this::scrollToNewest);
            }
        });
        setTop(new LaneHeader(model.layoutProperty(), rowWidth));
        setCenter(list);
        getStyleClass().add("sequence-diagram");
    }

    public ListView<TimelineRow> list() {
        return list;
    }

    public void setFollow(boolean on) {
        follow = on;
        if (on) {
            scrollToNewest();
        }
    }

    private void scrollToNewest() {
        scrollPending = false;
        if (!list.getItems().isEmpty()) {
            list.scrollTo(list.getItems().size() - 1);
        }
    }

    private final class RowCell extends ListCell<TimelineRow> {
        private final RowGraphic graphic = new RowGraphic();
        private final Tooltip tooltip = new Tooltip();

        RowCell() {
            getStyleClass().add("timeline-cell");
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            graphic.prefWidthProperty().bind(widthProperty().subtract(2));
            // The header follows the rows' width, which excludes the scroll bar.
            graphic.widthProperty().addListener((o, a, w) -> {
                if (w.doubleValue() > 0) {
                    rowWidth.set(w.doubleValue());
                }
            });
        }

        @Override
        protected void updateItem(TimelineRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            graphic.show(row, model.layoutProperty().get());
            tooltip.setText(row.describe());
            setTooltip(tooltip);
            setGraphic(graphic);
        }
    }
}
