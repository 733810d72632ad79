package io.relayconsole.app.overview;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The health banner and the environments table. */
public final class OverviewView extends BorderPane {

    public OverviewView(OverviewViewModel model) {
        Label icon = new Label();
        Label headline = new Label();
        headline.getStyleClass().add("title-3");
        headline.textProperty().bind(model.headlineProperty());
        Label detail = new Label();
        detail.textProperty().bind(model.detailProperty());
        detail.setWrapText(true);
        // Status is never shown by colour alone: the symbol and the word change too.
        icon.textProperty().bind(model.healthyProperty().map(ok -> ok ? "\u2714" : "\u26A0"));
        icon.getStyleClass().add("title-3");
        HBox banner = new HBox(12, icon, new VBox(2, headline, detail));
        banner.setPadding(new Insets(12, 16, 12, 16));
        banner.getStyleClass().add("health-banner");
        model.healthyProperty().addListener((obs, was, ok) -> updateBannerStyle(banner, ok));
        updateBannerStyle(banner, false);

        TableView<EnvironmentRow> table = new TableView<>(model.environments());
        table.getColumns().add(column("Environment", EnvironmentRow::name));
        table.getColumns().add(column("SDK key", EnvironmentRow::sdkKey));
        table.getColumns().add(column("Serving", EnvironmentRow::serving));
        table.getColumns().add(column("Upstream", EnvironmentRow::upstream));
        table.getColumns().add(column("Store", EnvironmentRow::store));
        table.getColumns().add(column("Flags", EnvironmentRow::flags));
        table.getColumns().add(column("Segments", EnvironmentRow::segments));
        table.getColumns().add(column("SDK streams", EnvironmentRow::streams));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No environments configured"));

        setTop(banner);
        setCenter(table);
        BorderPane.setMargin(table, new Insets(12));
    }

    private static void updateBannerStyle(HBox banner, boolean ok) {
        banner.setStyle(ok
                ? "-fx-background-color: -color-success-subtle; -fx-text-fill: -color-success-fg;"
                : "-fx-background-color: -color-warning-subtle; -fx-text-fill: -color-warning-fg;");
    }

    private static <T> TableColumn<EnvironmentRow, T> column(String title, Function<EnvironmentRow, T> value) {
        TableColumn<EnvironmentRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
