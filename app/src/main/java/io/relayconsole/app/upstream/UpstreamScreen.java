package io.relayconsole.app.upstream;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.Engine;
import io.relayconsole.app.shell.LazyView;
import io.relayconsole.app.shell.Screen;
import io.relayconsole.relay.EnvironmentSnapshot;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/** The selected environment's upstream connection and the built-in upstream's flag editor. */
public final class UpstreamScreen implements Screen {
    private final ConsoleContext context;
    private final UpstreamViewModel model = new UpstreamViewModel();
    private final FlagEditorViewModel editor = new FlagEditorViewModel();
    private final FlagEditorCommands commands;
    private final LazyView<UpstreamView> view;
    // The countdown moves each second between snapshots; no I/O, FX thread only.
    private final Timeline countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick(Instant.now())));
    private boolean shown;

    public UpstreamScreen(ConsoleContext context) {
        this.context = context;
        commands = new FlagEditorCommands(context, editor);
        view = new LazyView<>(() -> new UpstreamView(model, this::reconnect, editor, commands));
        countdown.setCycleCount(Animation.INDEFINITE);
        context.snapshotProperty().addListener((obs, old, snapshot) -> {
            if (snapshot == null || !shown) {
                return;
            }
            for (EnvironmentSnapshot env : snapshot.environments()) {
                if (env.name().equals(context.selectedEnvironmentProperty().get())) {
                    model.apply(env, Instant.now());
                }
            }
            commands.refresh();
        });
        context.selectedEnvironmentProperty().addListener((obs, old, name) -> {
            editor.selectedFlagProperty().set(null);
            commands.refresh();
        });
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
    public String title() {
        return "Upstream";
    }

    @Override
    public Ikon icon() {
        return Material2AL.CLOUD_QUEUE;
    }

    @Override
    public Node view() {
        return view.get();
    }

    @Override
    public void shown() {
        shown = true;
        commands.refresh();
        countdown.play();
    }

    @Override
    public void hidden() {
        shown = false;
        countdown.stop();
    }
}
