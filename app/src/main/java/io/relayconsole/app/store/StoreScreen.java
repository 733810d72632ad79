package io.relayconsole.app.store;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.LazyView;
import io.relayconsole.app.shell.Screen;
import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.relay.RelaySnapshot;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/** The selected environment's store: health, latency, TTL, switching backends, and the store actions. */
public final class StoreScreen implements Screen {
    private final ConsoleContext context;
    private final StoreViewModel model = new StoreViewModel();
    private final LazyView<StoreView> view;
    private boolean shown;

    public StoreScreen(ConsoleContext context) {
        this.context = context;
        StoreCommands commands = new StoreCommands(context, model);
        view = new LazyView<>(() -> new StoreView(context, model, commands));
        context.snapshotProperty().addListener((obs, old, snapshot) -> apply(snapshot));
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
                model.apply(env, shown);
                if (shown) {
                    view.get().chart.redraw();
                }
            }
        }
    }

    @Override
    public String title() {
        return "Store";
    }

    @Override
    public Ikon icon() {
        return Material2AL.DNS;
    }

    @Override
    public Node view() {
        return view.get();
    }

    @Override
    public void shown() {
        shown = true;
    }

    @Override
    public void hidden() {
        shown = false;
    }
}
