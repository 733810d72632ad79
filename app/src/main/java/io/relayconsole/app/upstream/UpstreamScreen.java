package io.relayconsole.app.upstream;

import io.relayconsole.app.shell.AbstractScreen;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.Engine;
import io.relayconsole.app.workspace.WorkspaceCommands;
import io.relayconsole.app.workspace.WorkspacePane;
import io.relayconsole.app.workspace.WorkspaceViewModel;
import io.relayconsole.relay.EnvironmentSnapshot;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.kordamp.ikonli.material2.Material2AL;

/** The selected environment's upstream connection and the built-in upstream's flag editor. */
public final class UpstreamScreen extends AbstractScreen<UpstreamView> {
    private final UpstreamViewModel model = new UpstreamViewModel();
    private final FlagEditorViewModel editor = new FlagEditorViewModel();
    private final FlagEditorCommands commands;
    private final WorkspaceViewModel workspaceModel = new WorkspaceViewModel();
    private final WorkspaceCommands workspace;
    // The countdown moves each second between snapshots; no I/O, FX thread only.
    private final Timeline countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick(Instant.now())));

    public UpstreamScreen(ConsoleContext context) {
        super(context, "Upstream", Material2AL.CLOUD_QUEUE);
        commands = new FlagEditorCommands(context, editor);
        workspace = new WorkspaceCommands(context, workspaceModel, () -> {
            commands.refresh();
            commands.loadSelected(); // the workspace's data replaced what the editor showed
        });
        countdown.setCycleCount(Animation.INDEFINITE);
        context.snapshotProperty().addListener((obs, old, snapshot) -> {
            if (snapshot == null || !isShown()) {
                return;
            }
            for (EnvironmentSnapshot env : snapshot.environments()) {
                if (env.name().equals(context.selectedEnvironmentProperty().get())) {
                    model.apply(env, Instant.now());
                }
            }
            commands.refresh();
            workspace.refresh();
        });
        context.selectedEnvironmentProperty().addListener((obs, old, name) -> {
            editor.selectedFlagProperty().set(null);
            commands.refresh();
            workspace.refresh();
        });
    }

    @Override
    protected UpstreamView buildView() {
        return new UpstreamView(model, this::reconnect, editor, commands, new WorkspacePane(workspaceModel, workspace));
    }

    /** The Workspace area's actions (tests replace its file dialogs). */
    public WorkspaceCommands workspace() {
        return workspace;
    }

    public UpstreamViewModel model() {
        return model;
    }

    private void reconnect() {
        Engine.selectedEnvironment(context).ifPresent(env -> context.run(() -> {
            env.reconnectUpstream();
            return env.name();
        }, name -> editor.messageProperty().set("Reconnecting '" + name + "' to upstream now"),
                error -> editor.messageProperty().set("\u2716 " + error.getMessage())));
    }

    @Override
    protected void onShown() {
        commands.refresh();
        workspace.refresh();
        countdown.play();
    }

    @Override
    protected void onHidden() {
        countdown.stop();
    }
}
