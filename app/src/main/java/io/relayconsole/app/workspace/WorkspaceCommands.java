package io.relayconsole.app.workspace;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.Engine;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.offline.ArchiveException;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.workspace.FileDataException;
import io.relayconsole.workspace.FileStatus;
import io.relayconsole.workspace.Workspace;
import io.relayconsole.workspace.WorkspaceTransfer;
import io.relayconsole.workspace.WorkspaceTransfer.EnvironmentIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The Workspace area's actions: open, create and switch the built-in upstream's workspace (remembered for the next
 * start), save now, import, export and snapshot. Paths are asked for on the FX thread; every read and write runs on
 * the console's engine lane and its outcome comes back as one line in {@link WorkspaceViewModel#resultProperty()}.
 */
public final class WorkspaceCommands {
    private final ConsoleContext context;
    private final WorkspaceViewModel model;
    private final Runnable afterChange;
    private WorkspaceChooser chooser = WorkspaceChooser.dialogs();

    /** {@code afterChange} runs on the FX thread after an action changed what the built-in upstream serves. */
    public WorkspaceCommands(ConsoleContext context, WorkspaceViewModel model, Runnable afterChange) {
        this.context = context;
        this.model = model;
        this.afterChange = afterChange;
    }

    /** Replaces the platform dialogs (UI tests). */
    public void useChooser(WorkspaceChooser replacement) {
        this.chooser = replacement;
    }

    /** Shows the selected environment's file; statuses are in memory, so this is fit for every tick. */
    public void refresh() {
        String selected = context.selectedEnvironmentProperty().get();
        Optional<RelayRuntime> runtime = Engine.runtime(context);
        Optional<Workspace> workspace = runtime.flatMap(RelayRuntime::workspace);
        if (workspace.isEmpty()) {
            model.closed(runtime.flatMap(RelayRuntime::simulator).isPresent(), selected);
            return;
        }
        Workspace w = workspace.get();
        FileStatus status = selected == null ? null : w.status(selected).orElse(null);
        model.show(w.root().toString(), w.environments(), status, selected);
    }

    /** Opens a folder, a file, or a new file as the workspace; with the built-in upstream only. */
    public void open(WorkspaceChooser.Ask ask, Window owner) {
        ask(ask, owner, path -> {
            RelayRuntime runtime = runtime();
            Workspace opened = runtime.switchWorkspace(path);
            context.preferences().saveLastWorkspace(path);
            long problems = opened.status().stream().filter(s -> s.lastError() != null).count();
            return "Workspace " + opened.root() + ": " + opened.environments().size() + " environment(s)"
                    + (problems == 0 ? "" : ", " + problems + " file(s) with errors (the sample data keeps serving)");
        });
    }

    /** Writes the selected environment's file now, over a file with errors too. */
    public void saveNow() {
        String env = context.selectedEnvironmentProperty().get();
        run(() -> {
            workspace().save(env);
            return "Saved " + workspace().status(env).map(FileStatus::file).map(Path::toString).orElse(env);
        });
    }

    public void importArchive(Window owner) {
        ask(WorkspaceChooser.Ask.IMPORT_ARCHIVE, owner, path -> transfer().importArchive(path, identities()));
    }

    public void importFileData(Window owner) {
        String env = context.selectedEnvironmentProperty().get();
        ask(WorkspaceChooser.Ask.IMPORT_FILE, owner, path -> transfer().importFileData(env, path));
    }

    public void exportFileData(Window owner, boolean yaml) {
        ask(WorkspaceChooser.Ask.EXPORT_FOLDER, owner, path -> transfer().exportFileData(path, yaml));
    }

    public void exportArchive(Window owner) {
        ask(WorkspaceChooser.Ask.EXPORT_ARCHIVE, owner, path -> transfer().exportArchive(path, identities()));
    }

    /**
     * The selected environment's current data (whatever its upstream) into the chosen workspace environment; with
     * no workspace open (a real upstream), into a folder the user picks, which can then be opened as one.
     */
    public void snapshot(Window owner) {
        String from = context.selectedEnvironmentProperty().get();
        String into = model.targetProperty().get();
        if (Engine.runtime(context).flatMap(RelayRuntime::workspace).isEmpty()) {
            ask(WorkspaceChooser.Ask.SNAPSHOT_FOLDER, owner,
                    path -> WorkspaceTransfer.snapshotToFolder(path, from, currentData(from)));
            return;
        }
        run(() -> transfer().snapshot(into, from, currentData(from)));
    }

    private FullDataSet currentData(String environment) {
        RelayEnvironment env = runtime().relay().environment(environment)
                .orElseThrow(() -> new IllegalStateException("no environment \"" + environment + "\""));
        FullDataSet data = env.store().knownData();
        if (data == null) {
            throw new IllegalStateException(environment + " has no data yet: nothing to snapshot");
        }
        return data;
    }

    private List<EnvironmentIdentity> identities() {
        return runtime().relay().config().environments().stream()
                .map((EnvironmentConfig e) -> new EnvironmentIdentity(e.name(), e.envId(), e.sdkKey(), e.mobileKey()))
                .toList();
    }

    private RelayRuntime runtime() {
        return Engine.runtime(context).orElseThrow(() -> new IllegalStateException("the relay has not started"));
    }

    private Workspace workspace() {
        return runtime().workspace().orElseThrow(() ->
                new IllegalStateException("No workspace is open: open or create one first"));
    }

    private WorkspaceTransfer transfer() {
        return new WorkspaceTransfer(workspace());
    }

    /** An action that may fail the way files and archives fail; its message is what the user reads. */
    @FunctionalInterface
    private interface Action {
        String run() throws IOException, ArchiveException, FileDataException;
    }

    @FunctionalInterface
    private interface PathAction {
        String run(Path path) throws IOException, ArchiveException, FileDataException;
    }

    private void ask(WorkspaceChooser.Ask ask, Window owner, PathAction action) {
        chooser.choose(ask, owner).ifPresent(path -> run(() -> action.run(path)));
    }

    private void run(Action action) {
        model.resultProperty().set("\u2026 working");
        context.run(() -> {
            try {
                return action.run();
            } catch (IOException | ArchiveException | FileDataException e) {
                throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
            }
        }, text -> {
            model.resultProperty().set("\u2714 " + text);
            refresh();
            afterChange.run();
        }, error -> {
            model.resultProperty().set("\u2716 " + error.getMessage());
            refresh();
        });
    }
}
