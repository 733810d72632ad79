package io.relayconsole.app.scenarios;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.LazyView;
import io.relayconsole.app.shell.Screen;
import io.relayconsole.app.timeline.MermaidExport;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Replays the persistent-storage document's four diagrams and compares what the relay draws with them. */
public final class ScenariosScreen implements Screen {
    private final ScenariosViewModel model = new ScenariosViewModel();
    private final ScenariosController controller;
    private final LazyView<ScenariosView> view;

    public ScenariosScreen(ConsoleContext context) {
        controller = new ScenariosController(model, context.tasks());
        view = new LazyView<>(() -> new ScenariosView(model, controller,
                new MermaidExport(context, model.messageProperty()::set)));
    }

    public ScenariosViewModel model() {
        return model;
    }

    public ScenariosController controller() {
        return controller;
    }

    @Override
    public String title() {
        return "Scenarios";
    }

    @Override
    public Ikon icon() {
        return Material2MZ.SLOW_MOTION_VIDEO;
    }

    @Override
    public Node view() {
        return view.get();
    }

    /** Cancels a scenario in progress and stops its relay. */
    @Override
    public void close() {
        controller.close();
    }
}
