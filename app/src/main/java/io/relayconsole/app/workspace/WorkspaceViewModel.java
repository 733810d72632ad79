package io.relayconsole.app.workspace;

import io.relayconsole.workspace.FileStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Workspace area: which workspace the built-in upstream serves and the selected environment's file. FX thread. */
public final class WorkspaceViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final BooleanProperty simulator = new SimpleBooleanProperty();
    private final BooleanProperty open = new SimpleBooleanProperty();
    private final StringProperty path = new SimpleStringProperty("none: edits are kept in memory only");
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty saved = new SimpleStringProperty("");
    private final BooleanProperty unsaved = new SimpleBooleanProperty();
    private final StringProperty lastReload = new SimpleStringProperty("");
    private final StringProperty lastError = new SimpleStringProperty("none");
    private final BooleanProperty failing = new SimpleBooleanProperty();
    private final StringProperty source = new SimpleStringProperty("");
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final StringProperty target = new SimpleStringProperty();
    private final StringProperty result = new SimpleStringProperty("");

    /** No workspace: the built-in upstream (if any) holds its data in memory. */
    public void closed(boolean runsSimulator, String selected) {
        simulator.set(runsSimulator);
        open.set(false);
        path.set(runsSimulator ? "none: edits are kept in memory only (open or create a workspace to keep them)"
                : "none: the relay uses a real upstream (a snapshot writes a workspace folder)");
        file.set("");
        saved.set("");
        unsaved.set(false);
        lastReload.set("");
        lastError.set("none");
        failing.set(false);
        sources(selected, List.of());
    }

    /** A workspace is open; {@code status} is the selected environment's file (null if it has none). */
    public void show(String root, List<String> environments, FileStatus status, String selected) {
        simulator.set(true);
        open.set(true);
        path.set(root);
        sources(selected, environments);
        if (status == null) {
            file.set("no file for " + selected);
            return;
        }
        file.set(status.file().toString());
        unsaved.set(!status.saved());
        saved.set(status.saved() ? "saved" + at(status.lastSaved(), " at ")
                : "unsaved changes" + (status.lastError() == null ? " (saving)"
                : " (held until the file is fixed, or Save now overwrites it)"));
        lastReload.set(status.lastReload() == null ? "not reloaded yet" : TIME.format(status.lastReload()));
        lastError.set(status.lastError() == null ? "none" : status.lastError());
        failing.set(status.lastError() != null);
    }

    private void sources(String selected, List<String> environments) {
        source.set(selected == null ? "" : selected);
        if (!environments.equals(targets)) {
            targets.setAll(environments);
        }
        if (target.get() == null || !targets.contains(target.get())) {
            target.set(targets.contains(selected) ? selected : targets.isEmpty() ? null : targets.get(0));
        }
    }

    private static String at(Instant time, String prefix) {
        return time == null ? "" : prefix + TIME.format(time);
    }

    public BooleanProperty simulatorProperty() {
        return simulator;
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty savedProperty() {
        return saved;
    }

    public BooleanProperty unsavedProperty() {
        return unsaved;
    }

    public StringProperty lastReloadProperty() {
        return lastReload;
    }

    public StringProperty lastErrorProperty() {
        return lastError;
    }

    public BooleanProperty failingProperty() {
        return failing;
    }

    /** The environment a snapshot copies from: the one selected in the header. */
    public StringProperty sourceProperty() {
        return source;
    }

    /** Workspace environments a snapshot can go into. */
    public ObservableList<String> targets() {
        return targets;
    }

    public StringProperty targetProperty() {
        return target;
    }

    /** The last action's outcome, ✔ or ✖ first. */
    public StringProperty resultProperty() {
        return result;
    }
}
