package io.relayconsole.app.flags;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Search and kind filter on top, the (virtualized) table, and the selected item's JSON beside it. */
public final class FlagsView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    public FlagsView(FlagsViewModel model) {
        getStyleClass().add("flags-view");
        TextField search = new TextField();
        search.setId("flags-search");
        search.setPromptText("Search by key");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ChoiceBox<FlagsViewModel.KindFilter> kind = new ChoiceBox<>();
        kind.setId("flags-kind");
        kind.getItems().setAll(FlagsViewModel.KindFilter.values());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        Label summary = new Label();
        summary.getStyleClass().add("text-muted");
        summary.textProperty().bind(model.summaryProperty());
        HBox toolbar = new HBox(8, new FontIcon(Material2MZ.SEARCH), search, kind, summary);
        toolbar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(0, 0, 8, 0));

        TableView<LiveFlagRow> table = new TableView<>(model.visibleRows());
        table.setId("flags-table");
        table.getColumns().add(column("Key", FlagRow::key, 200));
        table.getColumns().add(column("Kind", FlagRow::kindLabel, 80));
        table.getColumns().add(column("Version", FlagRow::version, 75));
        TableColumn<LiveFlagRow, FlagRow> on = new TableColumn<>("State");
        on.setCellValueFactory(c -> c.getValue().rowProperty());
        on.setCellFactory(c -> new OnCell());
        on.setPrefWidth(75);
        on.setMinWidth(75);
        table.getColumns().add(on);
        table.getColumns().add(column("Last change", r -> r.lastChange() == null ? "" : TIME.format(r.lastChange()), 100));
        TableColumn<LiveFlagRow, Freshness> freshness = new TableColumn<>("Cache freshness");
        freshness.setCellValueFactory(c -> c.getValue().rowProperty().map(FlagRow::freshness));
        freshness.setCellFactory(c -> new FreshnessCell());
        freshness.setPrefWidth(230);
        freshness.setMinWidth(200);
        table.getColumns().add(freshness);
        TableColumn<LiveFlagRow, String> dropped = column("Store", r -> r.dropped() == null ? "" : r.dropped(), 160);
        dropped.setCellFactory(c -> new DroppedCell());
        table.getColumns().add(dropped);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No flags or segments match"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, line) -> {
            if (line != null) {
                model.select(line.row());
            }
        });
        // Lines are replaced when the items change: put the selection back on the selected item's new line.
        model.selectedProperty().addListener((obs, old, row) -> {
            LiveFlagRow line = table.getSelectionModel().getSelectedItem();
            if (row != null && (line == null || line.row().kind() != row.kind() || !line.row().key().equals(row.key()))) {
                table.getItems().stream().filter(l -> l.row().kind() == row.kind() && l.row().key().equals(row.key()))
                        .findFirst().ifPresent(l -> table.getSelectionModel().select(l));
            }
        });

        TextArea json = new TextArea();
        json.setId("flags-json");
        json.setEditable(false);
        json.getStyleClass().add("json-details");
        json.textProperty().bind(model.detailsProperty());
        json.setPromptText("Select a flag or segment to see its JSON");
        Label jsonTitle = new Label("JSON");
        jsonTitle.getStyleClass().add("title-4");
        VBox details = new VBox(6, jsonTitle, json);
        VBox.setVgrow(json, Priority.ALWAYS);
        details.setPadding(new Insets(0, 0, 0, 8));

        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.74);
        setTop(toolbar);
        setCenter(split);
    }

    private static <T> TableColumn<LiveFlagRow, T> column(String title, Function<FlagRow, T> value, double width) {
        TableColumn<LiveFlagRow, T> column = new TableColumn<>(title);
        // Follows the line: when a refresh changes the flag, this cell redraws without a list change.
        column.setCellValueFactory(cell -> cell.getValue().rowProperty().map(value));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 90)); // headers stay readable when the details pane is wide
        return column;
    }

    /** On/off with an icon, so the state does not rest on colour. */
    private static final class OnCell extends TableCell<LiveFlagRow, FlagRow> {
        private final FontIcon icon = new FontIcon(Material2MZ.TOGGLE_OFF); // reused: a new node costs a CSS pass

        @Override
        protected void updateItem(FlagRow row, boolean empty) {
            super.updateItem(row, empty);
            setGraphic(icon); // kept in the scene, hidden when empty (see FreshnessCell)
            if (empty || row == null || row.on() == null) {
                setText(null);
                icon.setVisible(false);
                return;
            }
            setText(row.onLabel());
            icon.setIconCode(row.on() ? Material2MZ.TOGGLE_ON : Material2MZ.TOGGLE_OFF);
            icon.setVisible(true);
        }
    }

    private static final class DroppedCell extends TableCell<LiveFlagRow, String> {
        @Override
        protected void updateItem(String reason, boolean empty) {
            super.updateItem(reason, empty);
            boolean show = !empty && reason != null && !reason.isEmpty();
            setText(show ? "dropped" : null);
            setGraphic(show ? new FontIcon(Material2AL.ERROR_OUTLINE) : null);
            setTooltip(show ? new javafx.scene.control.Tooltip(reason) : null);
            getStyleClass().removeAll("dropped-item");
            if (show) {
                getStyleClass().add("dropped-item");
            }
        }
    }
}
