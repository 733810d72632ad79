package io.relayconsole.app.events;

import io.relayconsole.app.ui.Columns;
import io.relayconsole.app.ui.Formats;
import io.relayconsole.app.ui.ViewParts;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Event forwarding: the rate chart of every environment, the selected environment's counters and last error, the
 * payloads SDKs sent most recently, and, with the built-in upstream, what its events sink received.
 */
public final class EventsView extends ScrollPane {

    public EventsView(EventsViewModel model) {
        EventRateChart chart = new EventRateChart(model.series());
        model.samplesProperty().addListener((o, a, b) -> chart.redraw());
        VBox forwarding = new VBox(10, ViewParts.label(model.forwardingProperty(), "events-forwarding"), chart,
                counters(model), details(model));
        TableView<PayloadRow> recent = payloads(model.recent(), "events-recent",
                "No payload yet. SDKs pointed at this relay send theirs every few seconds.");
        Label sinkMissing = new Label("The relay uses a real upstream; its events go to LaunchDarkly's events "
                + "service, which this console cannot see.");
        sinkMissing.getStyleClass().add("text-muted");
        sinkMissing.visibleProperty().bind(model.sinkAvailableProperty().not());
        sinkMissing.managedProperty().bind(sinkMissing.visibleProperty());
        TableView<PayloadRow> sinkRecent = payloads(model.sinkRecent(), "events-sink-recent",
                "The built-in upstream has received no events yet.");
        VBox sink = new VBox(8, ViewParts.label(model.sinkSummaryProperty(), "events-sink-summary"), sinkRecent);
        sink.visibleProperty().bind(model.sinkAvailableProperty());
        sink.managedProperty().bind(sink.visibleProperty());

        VBox content = new VBox(16,
                ViewParts.section("Event forwarding", null, forwarding),
                ViewParts.section("Recent payloads from SDKs", null, recent),
                ViewParts.section("Built-in upstream: events received", null, new VBox(8, sinkMissing, sink)));
        content.setPadding(new Insets(4, 12, 12, 4));
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("edge-to-edge");
    }

    private static Node counters(EventsViewModel model) {
        HBox row = new HBox(28,
                counter("Received", model.receivedProperty(), "events-received"),
                counter("Forwarded", model.forwardedProperty(), "events-forwarded"),
                counter("Failed", model.failedProperty(), "events-failed"),
                counter("Dropped (queue full)", model.droppedProperty(), "events-dropped"));
        return row;
    }

    private static Node counter(String title, ObservableValue<String> value, String id) {
        Label number = ViewParts.label(value, id);
        number.getStyleClass().add("event-counter");
        Label caption = new Label(title);
        caption.getStyleClass().addAll("text-muted", "text-small");
        return new VBox(2, number, caption);
    }

    private static Node details(EventsViewModel model) {
        Label error = ViewParts.label(model.lastErrorProperty(), "events-last-error");
        model.failingProperty().subscribe(f -> {
            error.getStyleClass().remove("event-counter-danger");
            if (f) {
                error.getStyleClass().add("event-counter-danger");
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label("Queue"), ViewParts.label(model.queueProperty(), "events-queue"));
        grid.addRow(1, new Label("Payloads"), ViewParts.label(model.refusedProperty(), "events-refused"));
        grid.addRow(2, new Label("Last delivery"), ViewParts.label(model.lastDeliveryProperty(), "events-last-delivery"));
        grid.addRow(3, new Label("Last error"), error);
        return grid;
    }

    private static TableView<PayloadRow> payloads(javafx.collections.ObservableList<PayloadRow> rows, String id,
                                                  String empty) {
        TableView<PayloadRow> table = new TableView<>(rows);
        table.setId(id);
        table.setFixedCellSize(28);
        table.setPrefHeight(28 * 8 + 32);
        table.getColumns().addAll(List.of(
                Columns.width(Columns.of("Time", r -> Formats.clock(r.time())), 80),
                Columns.width(Columns.of("Kind", PayloadRow::kind), 150),
                Columns.width(Columns.of("SDK", PayloadRow::sdk), 200),
                Columns.width(Columns.of("Events", PayloadRow::events), 60),
                Columns.width(Columns.of("Event kinds", PayloadRow::kinds), 220),
                Columns.width(Columns.of("Evaluations", PayloadRow::evaluations), 90),
                Columns.width(Columns.of("Size", r -> Formats.bytes(r.bytes())), 70),
                Columns.width(Columns.of("Outcome", PayloadRow::outcome), 200)));
        table.setPlaceholder(new Label(empty));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }
}
