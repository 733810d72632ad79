package io.relayconsole.app.controls;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.LazyView;
import io.relayconsole.app.shell.Screen;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Store actions and the outage demonstration: upstream and store outages, demo SDKs. */
public final class ControlsScreen implements Screen {
    private final ControlsViewModel model = new ControlsViewModel();
    private final ControlsController controller;
    private final LazyView<ControlsView> view;

    public ControlsScreen(ConsoleContext context) {
        controller = new ControlsController(context, model);
        view = new LazyView<>(() -> new ControlsView(context, model, controller));
        // Demo SDKs change state on their own threads: look at them each tick (cheap, in memory).
        context.snapshotProperty().addListener((obs, old, snapshot) -> controller.refresh());
    }

    public ControlsController controller() {
        return controller;
    }

    public ControlsViewModel model() {
        return model;
    }

    @Override
    public String title() {
        return "Controls";
    }

    @Override
    public Ikon icon() {
        return Material2MZ.TUNE;
    }

    @Override
    public Node view() {
        return view.get();
    }

    /** Stops the demo Redis, fault proxy and demo SDKs this screen started. */
    @Override
    public void close() {
        controller.close();
    }
}
