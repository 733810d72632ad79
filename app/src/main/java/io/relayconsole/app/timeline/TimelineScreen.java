package io.relayconsole.app.timeline;

import io.relayconsole.app.shell.AbstractScreen;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.relay.RelaySnapshot;
import io.relayconsole.timeline.TimelineRecorder;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The live sequence diagram of the selected environment. The recorder is attached to the relay as soon as the
 * engine runs: the console's session starts the relay itself, so this is right after {@code relay.start()}
 * (at the first snapshot), and start-up steps that happen before that are not drawn. Recorded steps are
 * buffered off the FX thread and applied once per feed tick.
 */
public final class TimelineScreen extends AbstractScreen<TimelineView> {
    private final TimelineViewModel model = new TimelineViewModel();
    private final StepBuffer buffer = new StepBuffer(TimelineRecorder.DEFAULT_CAPACITY * 4);
    private volatile TimelineRecorder recorder;

    public TimelineScreen(ConsoleContext context) {
        super(context, "Timeline", Material2MZ.TIMELINE);
        context.snapshotProperty().addListener((obs, old, snapshot) -> tick(snapshot));
        context.selectedEnvironmentProperty().addListener((obs, old, env) -> reload());
    }

    @Override
    protected TimelineView buildView() {
        return new TimelineView(model, new MermaidExport(context, model.messageProperty()::set), this::clear,
                this::reload);
    }

    /** Once per feed tick: attach on the first one, then apply the buffered steps in one go. */
    private void tick(RelaySnapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        if (recorder == null) {
            RelayRuntime runtime = context.service().runtime();
            if (runtime == null) {
                return;
            }
            TimelineRecorder attached = TimelineRecorder.attachTo(runtime.relay());
            attached.addListener(buffer);
            recorder = attached;
            reload();
            return;
        }
        if (buffer.takeDropped() > 0) {
            reload(); // fell behind: the recorder has them all
            return;
        }
        model.accept(buffer.drain());
    }

    /** Shows the recorder's steps for the selected environment (after a switch, a resume or falling behind). */
    private void reload() {
        TimelineRecorder r = recorder;
        String env = context.selectedEnvironmentProperty().get();
        if (r == null || env == null) {
            return;
        }
        buffer.drain();
        model.reset(r.snapshot(env));
    }

    private void clear() {
        TimelineRecorder r = recorder;
        String env = model.environmentProperty().get();
        if (r != null && env != null) {
            r.clear(env);
        }
        buffer.drain();
        model.clear();
    }

    /** The recorder, once attached (tests and the scenarios screen's wording). */
    public TimelineRecorder recorder() {
        return recorder;
    }

    public TimelineViewModel model() {
        return model;
    }

    @Override
    public void close() {
        TimelineRecorder r = recorder;
        recorder = null;
        if (r != null) {
            r.removeListener(buffer);
            r.close();
        }
    }
}
