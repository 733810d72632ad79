package io.relayconsole.app.timeline;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Timeline screen: toolbar (follow, pause, clear, export), the diagram, and the selected step's detail. */
public final class TimelineView extends BorderPane {
    private final TimelineViewModel model;
    private final MermaidExport export;
    private final SequenceDiagramView diagram;

    public TimelineView(TimelineViewModel model, MermaidExport export, Runnable clear, Runnable reload) {
        this.model = model;
        this.export = export;
        ToggleButton follow = new ToggleButton("Follow", new FontIcon(Material2AL.ARROW_DOWNWARD));
        follow.setId("timeline-follow");
        follow.selectedProperty().bindBidirectional(model.followProperty());
        ToggleButton pause = new ToggleButton("Pause", new FontIcon(Material2MZ.PAUSE));
        pause.setId("timeline-pause");
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        model.pausedProperty().addListener((o, was, paused) -> {
            if (!paused) {
                reload.run(); // catch up with what was recorded meanwhile
            }
            model.refreshStatus();
        });
        Button clearButton = new Button("Clear", new FontIcon(Material2AL.CLEAR_ALL));
        clearButton.setId("timeline-clear");
        clearButton.setOnAction(e -> clear.run());
        Button copy = new Button("Copy Mermaid", new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("timeline-copy");
        copy.setOnAction(e -> export.copy(model.toMermaid()));
        Button save = new Button("Save Mermaid…", new FontIcon(Material2MZ.SAVE_ALT));
        save.setId("timeline-save");
        save.setOnAction(e -> export.save(getScene().getWindow(), "timeline-" + model.environmentProperty().get()
                + ".mmd", model.toMermaid()));
        Label status = new Label();
        status.setId("timeline-status");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(model.statusProperty());
        HBox toolbar = new HBox(8, follow, pause, clearButton, copy, save, status);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(0, 0, 8, 0));
        toolbar.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));

        diagram = new SequenceDiagramView(model.diagram(),
                "No steps yet. SDK requests, store reads and writes and upstream events appear here as they happen.");
        diagram.setId("timeline-diagram");
        diagram.list().setId("timeline-rows");
        model.followProperty().subscribe(diagram::setFollow);
        diagram.list().getSelectionModel().selectedItemProperty().addListener((o, a, row) -> model.selectedProperty().set(row));

        Label detail = new Label();
        detail.setId("timeline-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(model.selectedProperty().map(TimelineRow::describe)
                .orElse("Select or hover a step to see its detail (remote address, User-Agent, error)."));
        detail.setGraphic(new FontIcon(Material2AL.INFO));
        Label message = new Label();
        message.setId("timeline-message");
        message.textProperty().bind(model.messageProperty());
        VBox bottom = new VBox(6, detail, message);
        bottom.getStyleClass().add("timeline-detail");
        bottom.setPadding(new Insets(8));
        VBox.setVgrow(diagram, Priority.ALWAYS);
        setTop(toolbar);
        setCenter(diagram);
        setBottom(bottom);
    }

    public SequenceDiagramView diagram() {
        return diagram;
    }

    /** Saves the shown steps to {@code file} without a dialog (what Save does after the file chooser). */
    public void saveTo(Path file) {
        export.saveTo(file, model.toMermaid());
    }
}
