package io.relayconsole.app.workspace;

import io.relayconsole.app.ui.ViewParts;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Workspace area of the Upstream screen: where the built-in upstream's data lives, and moving data in and out. */
public final class WorkspacePane extends VBox {

    public WorkspacePane(WorkspaceViewModel model, WorkspaceCommands commands) {
        super(8);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label("Workspace"), ViewParts.label(model.pathProperty(), "workspace-path"));
        Label saved = ViewParts.label(model.savedProperty(), "workspace-saved");
        saved.graphicProperty().bind(model.unsavedProperty().map(unsaved -> (Node) new FontIcon(
                unsaved ? Material2MZ.SYNC_PROBLEM : Material2AL.CHECK_CIRCLE_OUTLINE)));
        Label error = ViewParts.label(model.lastErrorProperty(), "workspace-last-error");
        model.failingProperty().subscribe(failing -> {
            error.getStyleClass().remove("log-error");
            if (failing) {
                error.getStyleClass().add("log-error");
            }
        });
        // The file's rows mean something only while a workspace is open.
        fileRow(grid, 1, "File", ViewParts.label(model.fileProperty(), "workspace-file"), model);
        fileRow(grid, 2, "Saved", saved, model);
        fileRow(grid, 3, "Last reload", ViewParts.label(model.lastReloadProperty(), "workspace-last-reload"), model);
        fileRow(grid, 4, "Last error", error, model);

        Button openFolder = button("Open folder\u2026", Material2AL.FOLDER_OPEN, "workspace-open-folder",
                w -> commands.open(WorkspaceChooser.Ask.OPEN_FOLDER, w));
        Button openFile = button("Open file\u2026", Material2AL.INSERT_DRIVE_FILE, "workspace-open-file",
                w -> commands.open(WorkspaceChooser.Ask.OPEN_FILE, w));
        Button create = button("New file\u2026", Material2AL.CREATE_NEW_FOLDER, "workspace-new-file",
                w -> commands.open(WorkspaceChooser.Ask.NEW_FILE, w));
        Button save = button("Save now", Material2MZ.SAVE, "workspace-save", w -> commands.saveNow());
        HBox opening = row(openFolder, openFile, create, save);
        opening.visibleProperty().bind(model.simulatorProperty());
        opening.managedProperty().bind(model.simulatorProperty());

        Button importArchive = button("Import ld-relay archive\u2026", Material2MZ.UNARCHIVE, "workspace-import-archive",
                commands::importArchive);
        Button importFile = button("Import file\u2026", Material2AL.FILE_UPLOAD, "workspace-import-file",
                commands::importFileData);
        Button exportJson = button("Export JSON\u2026", Material2MZ.SAVE_ALT, "workspace-export-json",
                w -> commands.exportFileData(w, false));
        Button exportYaml = button("Export YAML\u2026", Material2MZ.SAVE_ALT, "workspace-export-yaml",
                w -> commands.exportFileData(w, true));
        Button exportArchive = button("Export archive\u2026", Material2AL.ARCHIVE, "workspace-export-archive",
                commands::exportArchive);
        for (Button b : new Button[] {save, importArchive, importFile, exportJson, exportYaml, exportArchive}) {
            b.disableProperty().bind(model.openProperty().not());
        }
        HBox transfer = row(importArchive, importFile, exportJson, exportYaml, exportArchive);
        transfer.visibleProperty().bind(model.simulatorProperty());
        transfer.managedProperty().bind(model.simulatorProperty());

        Label from = ViewParts.label(model.sourceProperty().map(env -> "Snapshot " + env + "\u2019s current data"), null);
        ChoiceBox<String> into = new ChoiceBox<>(model.targets());
        into.setId("workspace-snapshot-into");
        into.valueProperty().bindBidirectional(model.targetProperty());
        into.visibleProperty().bind(model.openProperty());
        into.managedProperty().bind(model.openProperty());
        Label intoLabel = new Label("into");
        intoLabel.visibleProperty().bind(model.openProperty());
        intoLabel.managedProperty().bind(model.openProperty());
        Button snapshot = button("Snapshot", Material2AL.CAMERA_ALT, "workspace-snapshot", commands::snapshot);
        snapshot.textProperty().bind(model.openProperty().map(open -> open ? "Snapshot" : "Snapshot to folder\u2026"));

        Label result = ViewParts.label(model.resultProperty(), "workspace-result");
        Label hint = new Label("Edits are saved to the file at once; changes made to the files (an editor, git pull)"
                + " are picked up live and streamed to SDKs.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        getChildren().addAll(hint, grid, opening, transfer, row(from, intoLabel, into, snapshot), result);
    }

    private Button button(String text, org.kordamp.ikonli.Ikon icon, String id, Consumer<Window> action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setOnAction(e -> action.accept(getScene() == null ? null : getScene().getWindow()));
        return button;
    }

    private static void fileRow(GridPane grid, int row, String title, Node value, WorkspaceViewModel model) {
        Label label = new Label(title);
        grid.addRow(row, label, value);
        for (Node node : new Node[] {label, value}) {
            node.visibleProperty().bind(model.openProperty());
            node.managedProperty().bind(model.openProperty());
        }
    }

    private static HBox row(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
