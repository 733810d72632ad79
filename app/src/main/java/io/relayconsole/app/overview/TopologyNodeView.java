package io.relayconsole.app.overview;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** One topology node: title, state (icon + words + colour), detail line, and an optional sparkline. */
public final class TopologyNodeView extends VBox {
    private static final String[] LEVEL_CLASSES = {"node-ok", "node-warn", "node-error", "node-idle"};

    public TopologyNodeView(String id, String title, Ikon icon, ObservableValue<NodeStatus> status,
                            Sparkline sparkline, String sparklineCaption) {
        setId(id);
        getStyleClass().add("topology-node");
        Label heading = new Label(title, new FontIcon(icon));
        heading.getStyleClass().add("topology-title");
        FontIcon stateIcon = new FontIcon();
        Label state = new Label();
        state.setGraphic(stateIcon);
        state.getStyleClass().add("topology-state");
        state.setId(id + "-state");
        Label detail = new Label();
        detail.getStyleClass().add("topology-detail");
        detail.setWrapText(false);
        detail.managedProperty().bind(detail.textProperty().isNotEmpty()); // a presenter's nodes have none
        detail.visibleProperty().bind(detail.managedProperty());
        getChildren().addAll(heading, state, detail);
        if (sparkline != null) {
            Label caption = new Label(sparklineCaption);
            caption.getStyleClass().add("topology-caption");
            getChildren().add(new VBox(0, sparkline, new HBox(caption)));
        }
        status.subscribe(s -> {
            state.setText(s.state());
            stateIcon.setIconCode(switch (s.level()) {
                case OK -> Material2AL.CHECK_CIRCLE;
                case WARN -> Material2MZ.WARNING;
                case ERROR -> Material2AL.ERROR;
                case IDLE -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
            });
            detail.setText(s.detail());
            getStyleClass().removeAll(LEVEL_CLASSES);
            getStyleClass().add(LEVEL_CLASSES[s.level().ordinal()]);
        });
    }
}
