package io.relayconsole.app.timeline;

import io.relayconsole.timeline.TimelineStep;

/**
 * One drawn row of a sequence diagram: an arrow from one column to another with its label, or a note over a
 * column. {@code marked} flags a row that differs from the expected diagram; {@code tolerated} one a verdict let
 * pass but names (drawn muted); {@code current} the step a presenter is talking about (the newest).
 *
 * @param gutter shown left of the columns: the time for live steps, the step number for a scenario's diagram
 */
public record TimelineRow(long sequence, String gutter, TimelineStep.Arrow arrow, int fromLane, int toLane,
                          String label, String detail, boolean marked, boolean tolerated, boolean current) {

    TimelineRow notCurrent() {
        return new TimelineRow(sequence, gutter, arrow, fromLane, toLane, label, detail, marked, tolerated, false);
    }

    public boolean isNote() {
        return arrow == TimelineStep.Arrow.NOTE;
    }

    /** A failed request ({@code -x}) or a refusal: drawn in the danger colour with an icon. */
    public boolean isFailure() {
        return arrow == TimelineStep.Arrow.FAILURE;
    }

    public boolean isResponse() {
        return arrow == TimelineStep.Arrow.RESPONSE;
    }

    public int leftLane() {
        return isNote() ? fromLane : Math.min(fromLane, toLane);
    }

    public int rightLane() {
        return isNote() ? fromLane : Math.max(fromLane, toLane);
    }

    public boolean pointsRight() {
        return toLane >= fromLane;
    }

    /** What the detail pane and the tooltip show. */
    public String describe() {
        return label + (detail == null || detail.isBlank() ? "" : "\n" + detail);
    }
}
