package io.relayconsole.app.overview;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.LazyView;
import io.relayconsole.app.shell.Screen;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/** The overview: the live topology of the selected environment and every environment at a glance. */
public final class OverviewScreen implements Screen {
    private final OverviewViewModel model = new OverviewViewModel();
    private final LazyView<OverviewView> view = new LazyView<>(() -> new OverviewView(model));

    public OverviewScreen(ConsoleContext context) {
        context.snapshotProperty().addListener((obs, old, snapshot) -> {
            if (snapshot != null) {
                model.apply(snapshot, context.selectedEnvironmentProperty().get());
            }
        });
        context.addEventListener(model::applyEvents);
        model.topology().setPaused(true);
    }

    public OverviewViewModel model() {
        return model;
    }

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    public Ikon icon() {
        return Material2AL.DASHBOARD;
    }

    @Override
    public Node view() {
        return view.get();
    }

    @Override
    public void shown() {
        model.topology().setPaused(false);
    }

    @Override
    public void hidden() {
        model.topology().setPaused(true);
    }
}
