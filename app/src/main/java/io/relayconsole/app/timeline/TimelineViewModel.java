package io.relayconsole.app.timeline;

import io.relayconsole.timeline.Timeline;
import io.relayconsole.timeline.TimelineRecorder;
import io.relayconsole.timeline.TimelineStep;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The live timeline of one environment: the steps recorded so far, newest last, with follow and pause. Steps
 * come in per tick ({@link #accept}); a step already shown (by sequence) or of another environment is ignored,
 * so a reload from the recorder and the tick's batch never draw a step twice. FX thread.
 */
public final class TimelineViewModel {
    private final DiagramModel diagram = new DiagramModel(TimelineRecorder.DEFAULT_CAPACITY, false);
    private final StringProperty environment = new SimpleStringProperty();
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ObjectProperty<TimelineRow> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Waiting for the relay…");
    private final StringProperty message = new SimpleStringProperty("");
    private long lastSequence;

    /** Shows {@code timeline} (the recorder's snapshot) in place of whatever was shown. */
    public void reset(Timeline timeline) {
        environment.set(timeline.environment());
        diagram.setAll(timeline.steps());
        lastSequence = timeline.lastSequence();
        selected.set(null);
        updateStatus();
    }

    /** Adds a tick's steps (any environment, in recording order); nothing while paused. */
    public void accept(List<TimelineStep> batch) {
        if (paused.get() || batch.isEmpty()) {
            return;
        }
        List<TimelineStep> mine = new ArrayList<>(batch.size());
        for (TimelineStep s : batch) {
            if (s.sequence() > lastSequence && s.environment() != null && s.environment().equals(environment.get())) {
                mine.add(s);
                lastSequence = s.sequence();
            }
        }
        diagram.append(mine);
        if (!mine.isEmpty()) {
            updateStatus();
        }
    }

    public void clear() {
        diagram.clear();
        selected.set(null);
        updateStatus();
    }

    /** The shown steps as Mermaid {@code sequenceDiagram} text. */
    public String toMermaid() {
        return diagram.toMermaid();
    }

    public DiagramModel diagram() {
        return diagram;
    }

    public StringProperty environmentProperty() {
        return environment;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ObjectProperty<TimelineRow> selectedProperty() {
        return selected;
    }

    /** The outcome of the last export, in words. */
    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty statusProperty() {
        return status;
    }

    private void updateStatus() {
        int n = diagram.rows().size();
        status.set(n == 0 ? "No steps yet for '" + environment.get() + "'. Connect an SDK or change a flag."
                : n + " step(s) for '" + environment.get() + "'" + (paused.get() ? " (paused)" : ""));
    }

    /** Re-reads the status after pausing or resuming. */
    public void refreshStatus() {
        updateStatus();
    }
}
