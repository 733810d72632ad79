package io.relayconsole.app.events;

import io.relayconsole.app.shell.AbstractScreen;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.Engine;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Events screen: SDK events the relay forwards to the flag service, and the built-in upstream's sink. Fed from
 * every snapshot, shown or not, so the chart has its history when the screen opens; the sink's statistics are an
 * in-memory read (no I/O), so they are taken here on the FX thread.
 */
public final class EventsScreen extends AbstractScreen<EventsView> {
    private final EventsViewModel model = new EventsViewModel();

    public EventsScreen(ConsoleContext context) {
        super(context, "Events", Material2MZ.SEND);
        context.snapshotProperty().addListener((obs, old, snapshot) -> {
            if (snapshot == null) {
                return;
            }
            model.apply(snapshot.environments(), context.selectedEnvironmentProperty().get(), snapshot.time());
            model.applySink(Engine.simulator(context).map(s -> s.events().stats()).orElse(null));
        });
    }

    @Override
    protected EventsView buildView() {
        return new EventsView(model);
    }

    public EventsViewModel model() {
        return model;
    }
}
