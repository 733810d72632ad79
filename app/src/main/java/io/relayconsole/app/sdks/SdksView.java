package io.relayconsole.app.sdks;

import io.relayconsole.app.ui.Columns;
import io.relayconsole.app.ui.Formats;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Connected SDKs and refused requests, with search, filters and "Disconnect". */
public final class SdksView extends BorderPane {
    private final TextField search = new TextField();
    private final TableView<SdkRow> connections;
    private final TableView<RefusedRow> refused;
    private final Button disconnect = new Button("Disconnect…", new FontIcon(Material2AL.LINK_OFF));
    private final Label result = new Label();

    public SdksView(SdksViewModel model) {
        search.setPromptText("Search address, SDK, version, wrapper, context kind, reason (Ctrl+F)");
        search.setId("sdk-search");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<String> environment = new ComboBox<>(model.environments());
        environment.valueProperty().bindBidirectional(model.environmentProperty());
        environment.setId("sdk-environment-filter");
        ComboBox<SdksViewModel.ModeFilter> mode = new ComboBox<>();
        mode.getItems().setAll(SdksViewModel.ModeFilter.values());
        mode.valueProperty().bindBidirectional(model.modeProperty());
        mode.setId("sdk-mode-filter");
        CheckBox showContexts = new CheckBox("Show context attributes");
        showContexts.setId("sdk-show-contexts");
        showContexts.selectedProperty().bindBidirectional(model.showContextsProperty());

        connections = new TableView<>(model.visibleConnections());
        connections.setId("sdk-table");
        connections.setFixedCellSize(30);
        connections.getColumns().addAll(java.util.List.of(
                Columns.width(Columns.of("Environment", SdkRow::environment), 110),
                Columns.width(Columns.of("Address", SdkRow::address), 140),
                Columns.width(Columns.of("SDK", SdkRow::sdk), 150),
                Columns.width(Columns.of("Version", SdkRow::version), 70),
                Columns.width(Columns.of("Wrapper", SdkRow::wrapper), 110),
                Columns.width(Columns.of("Context", SdkRow::contextKind), 90),
                Columns.width(Columns.of("Mode", SdkRow::mode), 60),
                Columns.width(Columns.of("Connected", r -> Formats.clock(r.connectedSince())), 95),
                Columns.width(Columns.observing("Events", r -> r.eventsSentProperty().asObject()), 70),
                Columns.width(Columns.observing("Bytes", r -> r.bytesSentProperty().map(n -> Formats.bytes(n.longValue()))), 80),
                Columns.width(lastActivity(), 110)));
        // A context's attributes may be personal data: its column exists only while the operator asks for it.
        TableColumn<SdkRow, String> attributes = Columns.width(Columns.of("Context attributes", SdkRow::context), 260);
        attributes.setId("sdk-context-attributes");
        attributes.visibleProperty().bind(model.showContextsProperty());
        connections.getColumns().add(attributes);
        connections.setPlaceholder(new Label("No SDK is connected. Point an SDK at this relay's SDK port."));
        connections.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        refused = new TableView<>(model.visibleRefused());
        refused.setId("refused-table");
        refused.setFixedCellSize(30);
        TableColumn<RefusedRow, Integer> status = Columns.width(Columns.of("Status", RefusedRow::status), 70);
        refused.getColumns().addAll(java.util.List.of(
                Columns.width(Columns.of("Time", r -> Formats.clock(r.time())), 80),
                Columns.width(Columns.of("Environment", RefusedRow::environment), 120),
                Columns.width(Columns.of("Address", RefusedRow::address), 140),
                Columns.width(Columns.of("SDK", RefusedRow::sdk), 150),
                Columns.width(Columns.of("Request", RefusedRow::request), 160),
                status,
                Columns.width(Columns.of("Reason", RefusedRow::reason), 300)));
        refused.setPlaceholder(new Label("No refused requests"));
        refused.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Tab connectedTab = new Tab();
        connectedTab.textProperty().bind(Bindings.size(model.visibleConnections()).asString("Connected (%d)"));
        connectedTab.setGraphic(new FontIcon(Material2AL.LINK));
        connectedTab.setContent(connections);
        Tab refusedTab = new Tab();
        refusedTab.textProperty().bind(Bindings.size(model.visibleRefused()).asString("Refused requests (%d)"));
        refusedTab.setGraphic(new FontIcon(Material2MZ.REMOVE_CIRCLE_OUTLINE));
        refusedTab.setContent(refused);
        refusedTab.setId("refused-tab");
        TabPane tabs = new TabPane(connectedTab, refusedTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        disconnect.setId("sdk-disconnect");
        disconnect.disableProperty().bind(connections.getSelectionModel().selectedItemProperty().isNull()
                .or(Bindings.createBooleanBinding(() -> {
                    SdkRow selected = connections.getSelectionModel().getSelectedItem();
                    return selected != null && selected.isPoller(); // a poller holds no connection to close
                }, connections.getSelectionModel().selectedItemProperty()))
                .or(tabs.getSelectionModel().selectedItemProperty().isNotEqualTo(connectedTab)));
        result.setId("sdk-result");
        result.getStyleClass().add("text-muted");
        result.managedProperty().bind(result.textProperty().isNotEmpty());
        result.visibleProperty().bind(result.managedProperty());
        HBox toolbar = new HBox(8, search, environment, mode, showContexts, disconnect);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        Label meters = new Label();
        meters.setId("sdk-meters");
        meters.textProperty().bind(model.meterSummaryProperty());
        VBox top = new VBox(6, toolbar, meters, result);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);
        setCenter(tabs);
    }

    private TableColumn<SdkRow, String> lastActivity() {
        return Columns.observing("Last activity",
                r -> r.lastActivityProperty().map(Formats::clock));
    }

    /** Called with the selected row when the user asks to disconnect it (the screen confirms first). */
    public void onDisconnect(Consumer<SdkRow> action) {
        disconnect.setOnAction(e -> {
            SdkRow row = connections.getSelectionModel().getSelectedItem();
            if (row != null) {
                action.accept(row);
            }
        });
    }

    public void showResult(String text) {
        result.setText(text);
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public TableView<SdkRow> connectionsTable() {
        return connections;
    }
}
