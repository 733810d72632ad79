package io.relayconsole.app.controls;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.store.StoreActionsPane;
import io.relayconsole.app.ui.ViewParts;
import io.relayconsole.simulator.UpstreamFault;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Store actions, then the demo controls (clearly marked as such): upstream and store outages, demo SDKs. */
public final class ControlsView extends ScrollPane {

    public ControlsView(ConsoleContext context, ControlsViewModel model, ControlsController controller) {
        Label message = new Label();
        message.setId("controls-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        VBox content = new VBox(16,
                ViewParts.section("Store actions", null, new StoreActionsPane(context)),
                ViewParts.section("Upstream outage", "DEMO", upstreamOutage(model, controller)),
                ViewParts.section("Store outage", "DEMO", storeOutage(model, controller)),
                ViewParts.section("Store outage through a fault proxy", "DEMO", new FaultProxyPane(model, controller)),
                ViewParts.section("Demo SDKs", "DEMO", demoSdks(model, controller)),
                message);
        content.setPadding(new Insets(4, 12, 12, 4));
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("edge-to-edge");
    }

    private static Node upstreamOutage(ControlsViewModel model, ControlsController controller) {
        ChoiceBox<UpstreamFault> fault = new ChoiceBox<>();
        fault.setId("upstream-fault");
        fault.getItems().setAll(ControlsViewModel.DEMO_FAULTS);
        fault.valueProperty().bindBidirectional(model.chosenFaultProperty());
        fault.setConverter(new StringConverter<>() {
            @Override
            public String toString(UpstreamFault f) {
                return f == null ? "" : ControlsViewModel.describe(f);
            }

            @Override
            public UpstreamFault fromString(String s) {
                return null;
            }
        });
        Button down = new Button("Take upstream down", new FontIcon(Material2AL.CLOUD_OFF));
        down.setId("upstream-down");
        down.setOnAction(e -> controller.setUpstreamFault(model.chosenFaultProperty().get()));
        Button back = new Button("Bring upstream back", new FontIcon(Material2AL.CLOUD_DONE));
        back.setId("upstream-back");
        back.setOnAction(e -> controller.bringUpstreamBack());
        down.disableProperty().bind(model.simulatorAvailableProperty().not().or(model.busyProperty()));
        back.disableProperty().bind(model.upstreamDownProperty().not().or(model.busyProperty()));
        fault.disableProperty().bind(model.simulatorAvailableProperty().not());
        Label status = new Label();
        status.textProperty().bind(model.upstreamStatusProperty());
        status.graphicProperty().bind(model.upstreamDownProperty().map(d -> (Node) new FontIcon(
                d ? Material2AL.ERROR_OUTLINE : Material2AL.CHECK_CIRCLE_OUTLINE)));
        return new VBox(8, new HBox(8, fault, down, back), status);
    }

    private static Node storeOutage(ControlsViewModel model, ControlsController controller) {
        Button launch = new Button("Start a local Redis for the demo", new FontIcon(Material2MZ.PLAY_CIRCLE_OUTLINE));
        launch.setId("redis-launch");
        launch.setOnAction(e -> controller.launchDemoRedis());
        launch.disableProperty().bind(model.redisLaunchedProperty().or(model.busyProperty()));
        Button stop = new Button("Stop Redis (store down)", new FontIcon(Material2MZ.STOP));
        stop.setId("redis-stop");
        stop.setOnAction(e -> controller.takeStoreDown());
        stop.disableProperty().bind(model.redisRunningProperty().not().or(model.busyProperty()));
        Button start = new Button("Start Redis (store back)", new FontIcon(Material2MZ.PLAY_ARROW));
        start.setId("redis-start");
        start.setOnAction(e -> controller.bringStoreBack());
        start.disableProperty().bind(model.redisLaunchedProperty().not().or(model.redisRunningProperty())
                .or(model.busyProperty()));
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(model.redisStatusProperty());
        Label hint = new Label("Launches redis-server on a free loopback port without persistence and switches the "
                + "selected environment to it; the console kills it on exit.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        return new VBox(8, new HBox(8, launch, stop, start), status, hint);
    }

    private static Node demoSdks(ControlsViewModel model, ControlsController controller) {
        TextField flag = new TextField();
        flag.setId("demo-flag-key");
        flag.setPromptText("flag key");
        flag.textProperty().bindBidirectional(model.flagKeyProperty());
        Button attach = new Button("Attach a demo SDK", new FontIcon(Material2AL.ADD_CIRCLE_OUTLINE));
        attach.setId("sdk-attach");
        attach.setOnAction(e -> controller.attachSdk());
        TableView<DemoSdkRow> table = new TableView<>(model.demoSdks());
        table.setId("demo-sdks");
        table.getColumns().add(column("SDK", DemoSdkRow::name));
        table.getColumns().add(column("Environment", DemoSdkRow::environment));
        TableColumn<DemoSdkRow, DemoSdkRow> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        state.setCellFactory(c -> new HealthCell());
        state.setPrefWidth(280);
        table.getColumns().add(state);
        table.getColumns().add(column("Flag", DemoSdkRow::flagKey));
        table.getColumns().add(column("Value", DemoSdkRow::flagValue));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No demo SDKs attached. They connect to this relay as real Java SDKs in proxy mode."));
        table.setPrefHeight(180);
        Button detach = new Button("Detach selected", new FontIcon(Material2AL.LINK_OFF));
        detach.setId("sdk-detach");
        detach.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        detach.setOnAction(e -> controller.detachSdk(table.getSelectionModel().getSelectedItem().name()));
        HBox bar = new HBox(8, new Label("Evaluate flag"), flag, attach, detach);
        bar.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, bar, table);
    }

    private static <T> TableColumn<DemoSdkRow, T> column(String title, Function<DemoSdkRow, T> value) {
        TableColumn<DemoSdkRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** The demo SDK's state with an icon, never colour alone. */
    private static final class HealthCell extends TableCell<DemoSdkRow, DemoSdkRow> {
        @Override
        protected void updateItem(DemoSdkRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(c -> c.startsWith("sdk-health-"));
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(row.state());
            setGraphic(new FontIcon(switch (row.health()) {
                case SERVED -> Material2AL.CHECK_CIRCLE_OUTLINE;
                case STARTING -> Material2AL.HOURGLASS_EMPTY;
                case RETRYING -> Material2MZ.SYNC_PROBLEM;
                case GAVE_UP -> Material2AL.ERROR_OUTLINE;
            }));
            getStyleClass().add("sdk-health-" + row.health().name().toLowerCase());
        }
    }
}
