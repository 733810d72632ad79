package io.relayconsole.app.upstream;

import io.relayconsole.app.ui.ViewParts;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The upstream connection's state with the retry countdown, and the built-in upstream's flag editor. */
public final class UpstreamView extends ScrollPane {

    public UpstreamView(UpstreamViewModel status, Runnable reconnect, FlagEditorViewModel editor,
                        FlagEditorCommands commands, Node workspace) {
        VBox content = new VBox(16,
                ViewParts.section("Upstream connection", null, status(status, reconnect)),
                ViewParts.section("Built-in upstream: workspace", null, workspace),
                ViewParts.section("Built-in upstream: flag editor", null, editor(editor, commands)));
        content.setPadding(new Insets(4, 12, 12, 4));
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("edge-to-edge");
    }

    private static Node status(UpstreamViewModel model, Runnable reconnect) {
        Label state = ViewParts.label(model.stateProperty(), "upstream-state");
        state.graphicProperty().bind(model.validProperty().map(ok -> (Node) new FontIcon(
                ok ? Material2AL.CLOUD_DONE : Material2AL.CLOUD_OFF)));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label("State"), state);
        grid.addRow(1, new Label("Since"), ViewParts.label(model.sinceProperty(), null));
        grid.addRow(2, new Label("Last error"), ViewParts.label(model.lastErrorProperty(), "upstream-last-error"));
        grid.addRow(3, new Label("Attempts"), ViewParts.label(model.attemptsProperty(), "upstream-attempts"));
        grid.addRow(4, new Label("Next retry"), ViewParts.label(model.countdownProperty(), "upstream-countdown"));
        Button now = new Button("Reconnect now", new FontIcon(Material2MZ.REFRESH));
        now.setId("upstream-reconnect");
        now.setOnAction(e -> reconnect.run());
        return new VBox(8, grid, now);
    }

    private static Node editor(FlagEditorViewModel model, FlagEditorCommands commands) {
        Label unavailable = new Label("The relay uses a real upstream: only the built-in upstream can be edited here.");
        unavailable.getStyleClass().add("text-muted");
        unavailable.visibleProperty().bind(model.availableProperty().not());
        unavailable.managedProperty().bind(unavailable.visibleProperty());

        ListView<String> flags = new ListView<>(model.flagKeys());
        flags.setId("editor-flags");
        flags.setPrefSize(220, 260);
        flags.getSelectionModel().selectedItemProperty().addListener((obs, old, key) -> {
            model.selectedFlagProperty().set(key);
            commands.loadSelected();
        });
        Label summary = ViewParts.label(model.flagSummaryProperty(), "editor-summary");
        Button toggle = new Button("Toggle on/off", new FontIcon(Material2MZ.TOGGLE_ON));
        toggle.setId("editor-toggle");
        toggle.setOnAction(e -> commands.toggle());
        TextField variations = bound(new TextField(), model.variationsProperty(), "editor-variations");
        variations.setPrefColumnCount(30);
        TextField fallthrough = bound(new TextField(), model.fallthroughProperty(), "editor-fallthrough");
        fallthrough.setPrefColumnCount(30); // a rollout shows as its JSON
        TextField off = bound(new TextField(), model.offProperty(), "editor-off");
        off.setPrefColumnCount(4);
        Button save = new Button("Save variations", new FontIcon(Material2MZ.SAVE));
        save.setId("editor-save");
        save.setOnAction(e -> commands.saveVariations());
        Button delete = new Button("Delete flag", new FontIcon(Material2AL.DELETE_OUTLINE));
        delete.setId("editor-delete-flag");
        delete.setOnAction(e -> commands.deleteFlag(model.selectedFlagProperty().get()));
        Button duplicate = new Button("Duplicate as new key", new FontIcon(Material2AL.CONTENT_COPY));
        duplicate.setId("editor-duplicate-flag");
        duplicate.setOnAction(e -> commands.duplicateFlag());
        for (Button b : new Button[] {toggle, save, delete, duplicate}) {
            b.disableProperty().bind(model.selectedFlagProperty().isNull());
        }
        Button undo = new Button("Undo", new FontIcon(Material2MZ.UNDO));
        undo.setId("editor-undo");
        undo.setOnAction(e -> commands.undo());
        undo.textProperty().bind(model.undoTextProperty());
        undo.disableProperty().bind(model.undoableProperty().not());
        Label diff = ViewParts.label(model.diffProperty(), "editor-diff");
        diff.getStyleClass().add("text-small");
        diff.setStyle("-fx-font-family: monospace;");
        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(6);
        fields.addRow(0, new Label("Variations (JSON array)"), variations);
        fields.addRow(1, new Label("Fallthrough (variation or rollout JSON)"), fallthrough);
        fields.addRow(2, new Label("Off variation (empty = none)"), off);
        fields.addRow(3, new Label("Targets (JSON)"), json(model.targetsProperty(), "editor-targets"));
        fields.addRow(4, new Label("Rules (JSON; clauses, variation or rollout)"), json(model.rulesProperty(), "editor-rules"));
        fields.addRow(5, new Label("Prerequisites (JSON)"), json(model.prerequisitesProperty(), "editor-prerequisites"));
        Label unsaved = new Label("Unsaved changes (- saved, + after Save):");
        unsaved.visibleProperty().bind(model.diffProperty().isNotEmpty());
        unsaved.managedProperty().bind(unsaved.visibleProperty());
        VBox flagPane = new VBox(8, summary, new HBox(8, toggle, delete, undo), fields, unsaved, diff, save);
        HBox.setHgrow(flagPane, Priority.ALWAYS);

        TextField newFlag = bound(new TextField(), model.newFlagKeyProperty(), "editor-new-flag");
        newFlag.setPromptText("new flag key");
        ChoiceBox<FlagTemplate> template = new ChoiceBox<>();
        template.getItems().setAll(FlagTemplate.values());
        template.valueProperty().bindBidirectional(model.templateProperty());
        Button addFlag = new Button("Add flag", new FontIcon(Material2AL.ADD));
        addFlag.setId("editor-add-flag");
        addFlag.setOnAction(e -> commands.addFlag());

        ListView<String> segments = new ListView<>(model.segmentKeys());
        segments.setId("editor-segments");
        segments.setPrefSize(220, 120);
        segments.setMaxWidth(220);
        segments.getSelectionModel().selectedItemProperty().addListener((obs, old, key) ->
                model.selectedSegmentProperty().set(key));
        TextField newSegment = bound(new TextField(), model.newSegmentKeyProperty(), "editor-new-segment");
        newSegment.setPromptText("new segment key");
        Button addSegment = new Button("Add segment", new FontIcon(Material2AL.ADD));
        addSegment.setId("editor-add-segment");
        addSegment.setOnAction(e -> commands.addSegment());
        Button deleteSegment = new Button("Delete segment", new FontIcon(Material2AL.DELETE_OUTLINE));
        deleteSegment.setOnAction(e -> commands.deleteSegment(model.selectedSegmentProperty().get()));
        Button duplicateSegment = new Button("Duplicate as new key", new FontIcon(Material2AL.CONTENT_COPY));
        duplicateSegment.setId("editor-duplicate-segment");
        duplicateSegment.setOnAction(e -> commands.duplicateSegment());
        deleteSegment.disableProperty().bind(model.selectedSegmentProperty().isNull());
        duplicateSegment.disableProperty().bind(model.selectedSegmentProperty().isNull());

        HBox addFlagRow = new HBox(8, newFlag, template, addFlag, duplicate);
        addFlagRow.setAlignment(Pos.CENTER_LEFT);
        HBox segmentRow = new HBox(8, newSegment, addSegment, duplicateSegment, deleteSegment);
        segmentRow.setAlignment(Pos.CENTER_LEFT);
        Label message = ViewParts.label(model.messageProperty(), "editor-message");
        VBox editor = new VBox(10, new HBox(12, flags, flagPane), addFlagRow,
                new Label("Segments"), segments, segmentRow, message);
        editor.visibleProperty().bind(model.availableProperty());
        editor.managedProperty().bind(editor.visibleProperty());
        Label hint = new Label("Every change gets a new version and streams to the relay at once.");
        hint.getStyleClass().add("text-muted");
        return new VBox(8, unavailable, hint, editor);
    }


    private static TextArea json(javafx.beans.property.StringProperty property, String id) {
        TextArea area = new TextArea();
        area.textProperty().bindBidirectional(property);
        area.setId(id);
        area.setPrefRowCount(2);
        area.setPrefColumnCount(30);
        area.setWrapText(true);
        return area;
    }

    private static TextField bound(TextField field, javafx.beans.property.StringProperty property, String id) {
        field.textProperty().bindBidirectional(property);
        field.setId(id);
        return field;
    }
}
