package io.relayconsole.app.store;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.ui.ViewParts;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The store's health and latency, the cache TTL, the connection form, and the store actions. */
public final class StoreView extends ScrollPane {
    final LatencyChart chart;

    public StoreView(ConsoleContext context, StoreViewModel model, StoreCommands commands) {
        chart = new LatencyChart(model.latency());
        // Two columns, so the form's buttons stay in view on a laptop screen.
        VBox left = new VBox(16,
                ViewParts.section("Current store", null, status(model)),
                ViewParts.section("Big segments", null, bigSegments(model.bigSegments())),
                ViewParts.section("Cache TTL", null, ttl(model, commands)),
                ViewParts.section("Store actions", null, new StoreActionsPane(context)));
        VBox right = new VBox(16, ViewParts.section("Connect another store", null, form(model, commands)));
        HBox.setHgrow(left, javafx.scene.layout.Priority.ALWAYS);
        HBox.setHgrow(right, javafx.scene.layout.Priority.ALWAYS);
        left.setPrefWidth(480);
        right.setPrefWidth(520);
        HBox content = new HBox(16, left, right);
        content.setPadding(new Insets(4, 12, 12, 4));
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("edge-to-edge");
    }

    private Node status(StoreViewModel model) {
        Label state = new Label();
        state.setId("store-state");
        state.textProperty().bind(model.stateProperty());
        state.graphicProperty().bind(model.availableProperty().map(ok -> (Node) new FontIcon(
                ok ? Material2AL.CHECK_CIRCLE_OUTLINE : Material2AL.ERROR_OUTLINE)));
        state.styleProperty().bind(model.availableProperty().map(ok -> ok
                ? "-fx-text-fill: -color-success-fg;" : "-fx-text-fill: -color-danger-fg;"));
        GridPane grid = grid();
        addRow(grid, 0, "Backend", ViewParts.label(model.backendLabelProperty(), "store-backend"));
        addRow(grid, 1, "State", state);
        addRow(grid, 2, "Since", ViewParts.label(model.sinceProperty(), null));
        addRow(grid, 3, "Last error", ViewParts.label(model.lastErrorProperty(), "store-last-error"));
        addRow(grid, 4, "Latency", ViewParts.label(model.latencyTextProperty(), null));
        return new VBox(8, grid, chart);
    }

    private Node bigSegments(StoreViewModel.BigSegmentsModel model) {
        GridPane grid = grid();
        Label state = ViewParts.label(model.stateProperty(), "big-segments-state");
        addRow(grid, 0, "Synchronizer", state);
        addRow(grid, 1, "Cursor", ViewParts.label(model.cursorProperty(), "big-segments-cursor"));
        addRow(grid, 2, "Synchronized", ViewParts.label(model.synchronizedOnProperty(), "big-segments-synced"));
        addRow(grid, 3, "Written", ViewParts.label(model.writtenProperty(), "big-segments-written"));
        addRow(grid, 4, "Last error", ViewParts.label(model.lastErrorProperty(), "big-segments-last-error"));
        return grid;
    }

    private Node ttl(StoreViewModel model, StoreCommands commands) {
        TextField ttl = new TextField();
        ttl.setId("ttl-field");
        ttl.setPromptText("30s, 500ms, 0, forever");
        ttl.setPrefColumnCount(10);
        ttl.textProperty().bindBidirectional(model.ttlTextProperty());
        Button apply = new Button("Apply TTL", new FontIcon(Material2AL.ACCESS_TIME));
        apply.setId("ttl-apply");
        apply.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        apply.setOnAction(e -> commands.applyTtl());
        apply.disableProperty().bind(model.busyProperty());
        Label current = ViewParts.label(model.currentTtlProperty(), "ttl-current");
        HBox row = new HBox(8, ttl, apply, current);
        row.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("0 sends every SDK request to the store; forever serves from memory even while the "
                + "store is down. The data stays cached across the change.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        return new VBox(6, row, hint);
    }

    private Node form(StoreViewModel model, StoreCommands commands) {
        StoreForm f = model.form();
        ChoiceBox<StoreBackend> backend = new ChoiceBox<>();
        backend.setId("store-backend-choice");
        backend.getItems().setAll(StoreBackend.values());
        backend.valueProperty().bindBidirectional(f.backend);

        GridPane redis = grid();
        addRow(redis, 0, "URL", field(f.redisUrl, "redis://127.0.0.1:6379 (or host and port below)", "redis-url"));
        addRow(redis, 1, "Host", field(f.redisHost, "localhost", "redis-host"));
        addRow(redis, 2, "Port", field(f.redisPort, "6379", "redis-port"));
        addRow(redis, 3, "Password", password(f.redisPassword, "redis-password"));
        addRow(redis, 4, "Prefix", field(f.redisPrefix, "blank: the environment's name", "redis-prefix"));
        addRow(redis, 5, "Sentinel master", field(f.redisSentinelMaster, "blank: no Sentinel", "redis-sentinel"));
        CheckBox tls = new CheckBox("TLS");
        tls.selectedProperty().bindBidirectional(f.redisTls);
        CheckBox cluster = new CheckBox("Cluster");
        cluster.selectedProperty().bindBidirectional(f.redisCluster);
        addRow(redis, 6, "", new HBox(12, tls, cluster));

        GridPane dynamo = grid();
        addRow(dynamo, 0, "Table", field(f.dynamoTable, "required", "dynamo-table"));
        addRow(dynamo, 1, "Endpoint", field(f.dynamoEndpoint, "blank: AWS; e.g. http://127.0.0.1:8000", "dynamo-endpoint"));
        addRow(dynamo, 2, "Region", field(f.dynamoRegion, "blank: the AWS default chain", "dynamo-region"));
        addRow(dynamo, 3, "Prefix", field(f.dynamoPrefix, "blank: the environment's name", "dynamo-prefix"));
        Button createTable = new Button("Create table", new FontIcon(Material2AL.ADD_BOX));
        createTable.setId("dynamo-create-table");
        createTable.setOnAction(e -> commands.createTable());
        addRow(dynamo, 4, "", createTable);

        GridPane consul = grid();
        addRow(consul, 0, "URL", field(f.consulUrl, "http://localhost:8500", "consul-url"));
        addRow(consul, 1, "ACL token", password(f.consulToken, "consul-token"));
        addRow(consul, 2, "Prefix", field(f.consulPrefix, "blank: the environment's name", "consul-prefix"));

        Label none = new Label("The in-memory store: nothing to configure. Data lives only in this process.");
        none.getStyleClass().add("text-muted");
        none.setWrapText(true);
        StackPane fields = new StackPane(none, redis, dynamo, consul);
        fields.setAlignment(Pos.TOP_LEFT);
        none.visibleProperty().bind(f.backend.isEqualTo(StoreBackend.NONE));
        redis.visibleProperty().bind(f.backend.isEqualTo(StoreBackend.REDIS));
        dynamo.visibleProperty().bind(f.backend.isEqualTo(StoreBackend.DYNAMODB));
        consul.visibleProperty().bind(f.backend.isEqualTo(StoreBackend.CONSUL));

        Label problems = new Label();
        problems.setId("store-form-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("form-problems");
        problems.textProperty().bind(model.formProblemsProperty());
        problems.graphicProperty().bind(model.formProblemsProperty().map(p -> p.isEmpty() ? null
                : (Node) new FontIcon(Material2AL.ERROR_OUTLINE)));

        Button test = new Button("Test connection", new FontIcon(Material2MZ.NETWORK_CHECK));
        test.setId("store-test");
        test.setOnAction(e -> commands.testConnection());
        Button switchStore = new Button("Switch", new FontIcon(Material2MZ.SWAP_HORIZ));
        switchStore.setId("store-switch");
        switchStore.getStyleClass().add("accent");
        switchStore.setOnAction(e -> commands.switchStore());
        for (Button b : new Button[] {test, switchStore, createTable}) {
            b.disableProperty().bind(model.busyProperty().or(model.formProblemsProperty().isNotEmpty()));
        }
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());
        Label result = new Label();
        result.setId("store-result");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        HBox buttons = new HBox(8, test, switchStore, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox choice = new HBox(8, new Label("Backend"), backend);
        choice.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, choice, fields, problems, buttons, result);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        return grid;
    }

    private static void addRow(GridPane grid, int row, String label, Node value) {
        Label l = new Label(label);
        l.setMinWidth(110);
        grid.addRow(row, l, value);
    }


    private static TextField field(StringProperty property, String prompt, String id) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.setPrefColumnCount(22);
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    /** Secrets are typed into password fields: never shown, never logged. */
    private static PasswordField password(StringProperty property, String id) {
        PasswordField field = new PasswordField();
        field.setPrefColumnCount(22);
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
