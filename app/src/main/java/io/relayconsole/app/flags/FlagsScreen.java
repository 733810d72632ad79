package io.relayconsole.app.flags;

import io.relayconsole.app.shell.AbstractScreen;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.Engine;
import io.relayconsole.app.task.TaskExecutor.Lane;
import io.relayconsole.relay.RelayEnvironment;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Flags and segments of the selected environment. While shown, the rows are rebuilt at most once a second
 * (freshness is shown in whole seconds) on the console's views lane, and handed to the FX thread in one call;
 * a rebuild still running skips the next tick instead of queueing.
 */
public final class FlagsScreen extends AbstractScreen<FlagsView> {
    private static final long REFRESH_MILLIS = 1000;

    private final LastChangeTracker lastChanges = new LastChangeTracker();
    private final FlagRowsBuilder builder = new FlagRowsBuilder(lastChanges);
    private final FlagsViewModel model = new FlagsViewModel();
    private final AtomicBoolean building = new AtomicBoolean();
    private long lastRefresh;

    public FlagsScreen(ConsoleContext context) {
        super(context, "Flags & segments", Material2MZ.OUTLINED_FLAG);
        context.addEventListener(lastChanges::onEvents);
        context.snapshotProperty().addListener((obs, old, snapshot) -> refresh(false));
        context.selectedEnvironmentProperty().addListener((obs, old, name) -> refresh(true));
    }

    @Override
    protected FlagsView buildView() {
        return new FlagsView(model);
    }

    public FlagsViewModel model() {
        return model;
    }

    private void refresh(boolean now) {
        long time = System.currentTimeMillis();
        if (!isShown() || (!now && time - lastRefresh < REFRESH_MILLIS) || !building.compareAndSet(false, true)) {
            return;
        }
        lastRefresh = time;
        Optional<RelayEnvironment> env = Engine.selectedEnvironment(context);
        if (env.isEmpty()) {
            building.set(false);
            model.empty("No environment selected");
            return;
        }
        context.tasks().run(Lane.VIEWS, () -> {
            try {
                return builder.build(env.get());
            } finally {
                building.set(false);
            }
        }, model::apply);
    }

    @Override
    protected void onShown() {
        refresh(true);
    }
}
