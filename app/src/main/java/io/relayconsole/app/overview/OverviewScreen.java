package io.relayconsole.app.overview;

import io.relayconsole.app.shell.AbstractScreen;
import io.relayconsole.app.shell.ConsoleContext;
import org.kordamp.ikonli.material2.Material2AL;

/** The overview: the live topology of the selected environment and every environment at a glance. */
public final class OverviewScreen extends AbstractScreen<OverviewView> {
    private final OverviewViewModel model = new OverviewViewModel();

    public OverviewScreen(ConsoleContext context) {
        super(context, "Overview", Material2AL.DASHBOARD);
        context.snapshotProperty().addListener((obs, old, snapshot) -> {
            if (snapshot != null) {
                model.apply(snapshot, context.selectedEnvironmentProperty().get());
            }
        });
        context.addEventListener(model::applyEvents);
        model.topology().setPaused(true);
    }

    @Override
    protected OverviewView buildView() {
        return new OverviewView(model);
    }

    public OverviewViewModel model() {
        return model;
    }

    @Override
    protected void onShown() {
        model.topology().setPaused(false);
    }

    @Override
    protected void onHidden() {
        model.topology().setPaused(true);
    }
}
