package io.relayconsole.app.scenarios;

import io.relayconsole.app.shell.AbstractScreen;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.timeline.DiagramImage;
import io.relayconsole.app.timeline.MermaidExport;
import org.kordamp.ikonli.material2.Material2MZ;

/** Replays the outage scenarios (the persistent-storage document's four, then ours), compares what the relay draws. */
public final class ScenariosScreen extends AbstractScreen<ScenariosView> {
    private final ScenariosViewModel model = new ScenariosViewModel();
    private final ScenariosController controller;

    public ScenariosScreen(ConsoleContext context) {
        super(context, "Scenarios", Material2MZ.SLOW_MOTION_VIDEO);
        controller = new ScenariosController(model, context.tasks());
    }

    @Override
    protected ScenariosView buildView() {
        return new ScenariosView(model, controller, new MermaidExport(context, model.messageProperty()::set),
                new DiagramImage(context, model.messageProperty()::set));
    }

    public ScenariosViewModel model() {
        return model;
    }

    public ScenariosController controller() {
        return controller;
    }

    /** Cancels a scenario in progress and stops its relay. */
    @Override
    public void close() {
        controller.close();
    }
}
