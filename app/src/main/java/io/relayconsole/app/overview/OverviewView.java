package io.relayconsole.app.overview;

import io.relayconsole.app.ui.Columns;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
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
        table.getColumns().addAll(java.util.List.of(
                Columns.width(Columns.of("Environment", EnvironmentRow::name), 130),
                Columns.width(Columns.of("SDK key", EnvironmentRow::sdkKey), 300),
                Columns.width(Columns.of("Serving", EnvironmentRow::serving), 90),
                Columns.width(Columns.of("Upstream", EnvironmentRow::upstream), 110),
                Columns.width(Columns.of("Store", EnvironmentRow::store), 110),
                Columns.width(Columns.of("Flags", EnvironmentRow::flags), 60),
                Columns.width(Columns.of("Segments", EnvironmentRow::segments), 95),
                Columns.width(Columns.of("SDK streams", EnvironmentRow::streams), 120)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No environments configured"));
        table.setMinHeight(120);

        Label environmentsTitle = new Label("Environments");
        environmentsTitle.getStyleClass().add("title-4");
        // The topology keeps its height; the table takes what is left and scrolls with many environments.
        VBox content = new VBox(6, topologyTitle, topology, environmentsTitle, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setMargin(topology, new Insets(0, 0, 8, 0));
        setCenter(content);
    }
}
