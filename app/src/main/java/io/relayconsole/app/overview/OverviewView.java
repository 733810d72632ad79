package io.relayconsole.app.overview;

import io.relayconsole.app.ui.Columns;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The live topology of the selected environment above a compact table of every environment. */
public final class OverviewView extends BorderPane {

    public OverviewView(OverviewViewModel model) {
        TopologyPane topology = new TopologyPane(model.topology());
        Label topologyTitle = new Label();
        topologyTitle.getStyleClass().add("title-4");
        topologyTitle.setId("topology-title");
        model.topology().relayProperty().subscribe(s -> topologyTitle.setText(
                model.topology().environment() == null ? "Topology"
                        : "Topology of " + model.topology().environment()));

        TableView<EnvironmentRow> table = new TableView<>(model.environments());
        table.setId("environments-table");
        table.getColumns().add(Columns.of("Environment", EnvironmentRow::name));
        table.getColumns().add(Columns.of("SDK key", EnvironmentRow::sdkKey));
        table.getColumns().add(Columns.of("Serving", EnvironmentRow::serving));
        table.getColumns().add(Columns.of("Upstream", EnvironmentRow::upstream));
        table.getColumns().add(Columns.of("Store", EnvironmentRow::store));
        table.getColumns().add(Columns.of("Flags", EnvironmentRow::flags));
        table.getColumns().add(Columns.of("Segments", EnvironmentRow::segments));
        table.getColumns().add(Columns.of("SDK streams", EnvironmentRow::streams));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No environments configured"));
        // Compact: as tall as its rows, up to a few, so the topology keeps the room.
        table.setFixedCellSize(30);
        table.prefHeightProperty().bind(Bindings.size(model.environments()).multiply(30).add(36).map(
                h -> Math.min(h.doubleValue(), 36 + 30 * 6)));
        table.setMinHeight(96);

        Label environmentsTitle = new Label("Environments");
        environmentsTitle.getStyleClass().add("title-4");
        VBox bottom = new VBox(6, environmentsTitle, table);
        setTop(topologyTitle);
        setCenter(topology);
        setBottom(bottom);
        BorderPane.setMargin(topology, new Insets(4, 0, 12, 0));
    }
}
