package io.relayconsole.app.logs;

import io.relayconsole.app.ui.Clipboards;
import io.relayconsole.app.ui.Columns;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The application log: level filter, search, follow, copy. */
public final class LogsView extends BorderPane {
    private final TextField search = new TextField();
    private final TableView<LogEntry> table;
    private final LogsViewModel model;
    private boolean scrollPending;

    public LogsView(LogsViewModel model) {
        this.model = model;
        ComboBox<LogLevel> level = new ComboBox<>();
        level.getItems().setAll(LogLevel.values());
        level.valueProperty().bindBidirectional(model.minimumLevelProperty());
        level.setId("log-level");
        search.setPromptText("Search messages and loggers (Ctrl+F)");
        search.setId("log-search");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ToggleButton follow = new ToggleButton("Follow", new FontIcon(Material2AL.ARROW_DOWNWARD));
        follow.selectedProperty().bindBidirectional(model.followProperty());
        follow.setId("log-follow");

        table = new TableView<>(model.visible());
        table.setId("log-table");
        // One line per entry: fast with thousands of rows, and "follow" lands exactly on the newest.
        table.setFixedCellSize(28);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(Columns.width(Columns.of("Time", LogEntry::timeText), 115));
        TableColumn<LogEntry, LogLevel> levelColumn = Columns.width(Columns.of("Level", LogEntry::level), 90);
        levelColumn.setCellFactory(c -> new LevelCell());
        table.getColumns().add(levelColumn);
        table.getColumns().add(Columns.width(Columns.of("Logger", LogEntry::shortLogger), 170));
        table.getColumns().add(Columns.width(Columns.of("Message", LogEntry::summary), 700));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No log entries match the filter"));

        Button copySelected = new Button("Copy selected", new FontIcon(Material2AL.CONTENT_COPY));
        copySelected.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        copySelected.setOnAction(e -> Clipboards.copy(LogsViewModel.asText(table.getSelectionModel().getSelectedItems())));
        Button copyAll = new Button("Copy all");
        copyAll.setOnAction(e -> Clipboards.copy(LogsViewModel.asText(model.visible())));
        Button clear = new Button("Clear", new FontIcon(Material2AL.CLEAR_ALL));
        clear.setOnAction(e -> model.clear());
        Label count = new Label();
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(javafx.beans.binding.Bindings.size(model.visible()).asString("%d shown"));

        // Following keeps the newest line in view (untick to read older lines). The scroll waits until the
        // table has taken in the tick's batch; there is one batch per tick, so at most one deferred call.
        model.visible().addListener((ListChangeListener<LogEntry>) change -> {
            if (model.followProperty().get() && !scrollPending) {
                scrollPending = true;
                Platform.runLater(this::scrollToNewest);
            }
        });
        model.followProperty().addListener((o, was, on) -> {
            if (on) {
                scrollToNewest();
            }
        });

        HBox toolbar = new HBox(8, new Label("Level at least"), level, search, follow, copySelected, copyAll, clear,
                count);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(0, 0, 8, 0));
        toolbar.getChildren().forEach(n -> {
            if (n instanceof Region r && r != search) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        setTop(toolbar);
        setCenter(table);
    }

    private void scrollToNewest() {
        scrollPending = false;
        if (table.getItems().isEmpty()) {
            return;
        }
        if (table.getScene() != null && (table.getSkin() == null || table.getHeight() <= 0)) {
            // Shown but not laid out yet (the screen was just built): a scroll now would be lost, so try next pulse.
            scrollPending = true;
            Platform.runLater(this::scrollToNewest);
            return;
        }
        table.scrollTo(table.getItems().size() - 1);
        // On the next pulse the new rows are laid out and a horizontal scroll bar (a long message) may have taken
        // height from the viewport: going to the very bottom then keeps the newest row in view, not under the bar.
        Platform.runLater(() -> {
            if (model.followProperty().get() && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.setPosition(1.0);
            }
        });
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public TableView<LogEntry> table() {
        return table;
    }

    /** The level as icon and word, tinted by severity. */
    private static final class LevelCell extends TableCell<LogEntry, LogLevel> {
        @Override
        protected void updateItem(LogLevel level, boolean empty) {
            super.updateItem(level, empty);
            getStyleClass().removeAll("log-error", "log-warn");
            if (empty || level == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(level.name());
            setGraphic(new FontIcon(switch (level) {
                case ERROR -> Material2AL.ERROR_OUTLINE;
                case WARN -> Material2MZ.WARNING;
                case INFO -> Material2AL.INFO;
                default -> Material2MZ.NOTES;
            }));
            if (level == LogLevel.ERROR) {
                getStyleClass().add("log-error");
            } else if (level == LogLevel.WARN) {
                getStyleClass().add("log-warn");
            }
        }
    }
}
