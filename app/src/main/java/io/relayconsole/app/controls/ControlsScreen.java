package io.relayconsole.app.controls;

import io.relayconsole.app.shell.AbstractScreen;
import io.relayconsole.app.shell.ConsoleContext;
import org.kordamp.ikonli.material2.Material2MZ;

/** Store actions and the outage demonstration: upstream and store outages, demo SDKs. */
public final class ControlsScreen extends AbstractScreen<ControlsView> {
    private final ControlsViewModel model = new ControlsViewModel();
    private final ControlsController controller;

    public ControlsScreen(ConsoleContext context) {
        super(context, "Controls", Material2MZ.TUNE);
        controller = new ControlsController(context, model);
        // Demo SDKs change state on their own threads: look at them each tick (cheap, in memory).
        context.snapshotProperty().addListener((obs, old, snapshot) -> controller.refresh());
    }

    @Override
    protected ControlsView buildView() {
        return new ControlsView(context, model, controller);
    }

    public ControlsController controller() {
        return controller;
    }

    public ControlsViewModel model() {
        return model;
    }

    /** Stops the demo Redis, fault proxy and demo SDKs this screen started. */
    @Override
    public void close() {
        controller.close();
    }
}
