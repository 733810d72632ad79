package io.relayconsole.app.timeline;

/** Where the columns are: the header and every row use the same arithmetic, so lifelines line up. */
final class LaneGeometry {
    /** Room left of the columns for the time or step number. */
    static final double GUTTER = 64;

    private LaneGeometry() {
    }

    static double center(int lane, int lanes, double width) {
        return GUTTER + (lane + 0.5) * laneWidth(lanes, width);
    }

    static double laneWidth(int lanes, double width) {
        return Math.max(1, width - GUTTER) / Math.max(1, lanes);
    }
}
