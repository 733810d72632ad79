package io.relayconsole.app.store;

import io.relayconsole.app.shell.AbstractScreen;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.relay.RelaySnapshot;
import org.kordamp.ikonli.material2.Material2AL;

/** The selected environment's store: health, latency, TTL, switching backends, and the store actions. */
public final class StoreScreen extends AbstractScreen<StoreView> {
    private final StoreViewModel model = new StoreViewModel();
    private final StoreCommands commands;

    public StoreScreen(ConsoleContext context) {
        super(context, "Store", Material2AL.DNS);
        commands = new StoreCommands(context, model);
        context.snapshotProperty().addListener((obs, old, snapshot) -> apply(snapshot));
    }

    @Override
    protected StoreView buildView() {
        return new StoreView(context, model, commands);
    }

    public StoreViewModel model() {
        return model;
    }

    private void apply(RelaySnapshot snapshot) {
        String name = context.selectedEnvironmentProperty().get();
        if (snapshot == null || name == null) {
            return;
        }
        for (EnvironmentSnapshot env : snapshot.environments()) {
            if (env.name().equals(name)) {
                // The chart samples and redraws only while visible.
                model.apply(env, isShown());
                if (isShown()) {
                    view().chart.redraw();
                }
            }
        }
    }
}
