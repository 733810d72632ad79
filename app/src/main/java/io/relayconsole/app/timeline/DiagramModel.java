package io.relayconsole.app.timeline;

import io.relayconsole.app.ui.Formats;
import io.relayconsole.timeline.DiagramComparison;
import io.relayconsole.timeline.SequenceDiagram;
import io.relayconsole.timeline.Timeline;
import io.relayconsole.timeline.TimelineStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The steps of one drawn diagram and their rows, laid out in {@link LaneLayout} columns. Bounded: the oldest
 * steps go once there are more than the capacity. FX thread; no nodes, so it is testable without a stage.
 */
public final class DiagramModel {
    private final int capacity;
    private final boolean numbered;
    private final List<TimelineStep> steps = new ArrayList<>();
    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<LaneLayout> layout = new SimpleObjectProperty<>(LaneLayout.forSteps(List.of()));
    private Set<Integer> marked = Set.of();
    private Set<Integer> tolerated = Set.of();
    private List<Integer> numbers = List.of();
    private boolean highlightNewest;

    /** @param numbered gutter shows step numbers (scenario diagrams) rather than times (the live timeline) */
    public DiagramModel(int capacity, boolean numbered) {
        this.capacity = capacity;
        this.numbered = numbered;
    }

    /** Replaces everything; {@code markedSteps} are indexes into {@code newSteps} drawn as differences. */
    public void setAll(List<TimelineStep> newSteps, Set<Integer> markedSteps) {
        setAll(newSteps, markedSteps, Set.of());
    }

    /** As {@link #setAll(List, Set)}; {@code toleratedSteps} are drawn as tolerated differences (muted). */
    public void setAll(List<TimelineStep> newSteps, Set<Integer> markedSteps, Set<Integer> toleratedSteps) {
        steps.clear();
        steps.addAll(newSteps.subList(Math.max(0, newSteps.size() - capacity), newSteps.size()));
        marked = Set.copyOf(markedSteps);
        tolerated = Set.copyOf(toleratedSteps);
        relayout(true);
    }

    /** With it on, the newest row is drawn as the current step (a presenter's run); off by default. */
    public void setHighlightNewest(boolean on) {
        highlightNewest = on;
        relayout(false);
    }

    public void setAll(List<TimelineStep> newSteps) {
        setAll(newSteps, Set.of());
    }

    /** Appends a tick's steps: one list change, and a full re-layout only when a new SDK column appears. */
    public void append(List<TimelineStep> newSteps) {
        if (newSteps.isEmpty()) {
            return;
        }
        steps.addAll(newSteps);
        int overflow = steps.size() - capacity;
        if (overflow > 0) {
            steps.subList(0, overflow).clear();
        }
        LaneLayout wanted = LaneLayout.forSteps(steps);
        if (!wanted.equals(layout.get()) || overflow > 0) {
            relayout(!wanted.equals(layout.get()));
            return;
        }
        List<TimelineRow> added = new ArrayList<>(newSteps.size());
        renumber();
        for (int i = steps.size() - newSteps.size(); i < steps.size(); i++) {
            added.add(row(i, layout.get()));
        }
        if (highlightNewest && !rows.isEmpty()) {
            rows.set(rows.size() - 1, rows.get(rows.size() - 1).notCurrent());
        }
        rows.addAll(added);
    }

    public void clear() {
        setAll(List.of());
    }

    public ObservableList<TimelineRow> rows() {
        return rows;
    }

    public ObjectProperty<LaneLayout> layoutProperty() {
        return layout;
    }

    public List<TimelineStep> steps() {
        return List.copyOf(steps);
    }

    /** The drawn steps as Mermaid {@code sequenceDiagram} text, as the engine writes it. */
    public String toMermaid() {
        return new Timeline("", steps, List.of()).toMermaid();
    }

    private void relayout(boolean newLayout) {
        LaneLayout l = LaneLayout.forSteps(steps);
        if (newLayout) {
            layout.set(l);
        }
        List<TimelineRow> all = new ArrayList<>(steps.size());
        renumber();
        for (int i = 0; i < steps.size(); i++) {
            all.add(row(i, l));
        }
        rows.setAll(all);
    }

    private TimelineRow row(int index, LaneLayout l) {
        TimelineStep s = steps.get(index);
        int from = l.laneOf(s.from());
        int to = s.to() == null ? from : l.laneOf(s.to());
        String gutter = numbered ? String.valueOf(numbers.get(index) + 1) : Formats.clock(s.time());
        return new TimelineRow(s.sequence(), gutter, s.arrow(), from, to, s.text(), s.detail(),
                marked.contains(index), tolerated.contains(index), highlightNewest && index == steps.size() - 1);
    }

    /**
     * A scenario's steps are numbered as its verdict counts them ("observed step 8"): a run of upstream retries
     * shares one number.
     */
    private void renumber() {
        if (numbered) {
            numbers = DiagramComparison.normalizedPositions(new SequenceDiagram(List.of(), steps));
        }
    }
}
