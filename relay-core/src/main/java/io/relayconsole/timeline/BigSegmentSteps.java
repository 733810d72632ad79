package io.relayconsole.timeline;

import io.relayconsole.bigsegments.BigSegmentSyncStats;
import io.relayconsole.bigsegments.SyncBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How big-segment synchronization is drawn: each batch as upstream → relay → store, failures as notes. */
final class BigSegmentSteps {
    /** One arrow or note, before the track numbers it. */
    record Step(TimelineStep.Arrow arrow, String from, String to, String text, String detail) {
    }

    private BigSegmentSteps() {
    }

    static List<Step> batch(SyncBatch batch) {
        List<Step> steps = new ArrayList<>();
        String endpoint = "poll".equals(batch.source()) ? "Big segments /sdk/big-segments/revisions"
                : "Big segments /big-segments stream";
        steps.add(new Step(TimelineStep.Arrow.RESPONSE, Participants.UPSTREAM, Participants.RELAY, endpoint,
                batch.patches() + " patch(es), " + batch.changes() + " membership change(s)"));
        if (batch.patches() > 0) {
            steps.add(new Step(TimelineStep.Arrow.REQUEST, Participants.RELAY, Participants.STORE,
                    "Write big segment membership", "cursor " + batch.cursor()));
        }
        if (batch.outOfOrder()) {
            steps.add(new Step(TimelineStep.Arrow.NOTE, Participants.RELAY, null,
                    "Out-of-order big segment patch: resynchronizing", "from cursor " + batch.cursor()));
        }
        return steps;
    }

    static Optional<Step> stateChange(BigSegmentSyncStats stats) {
        return switch (stats.state()) {
            case ERROR -> Optional.of(new Step(TimelineStep.Arrow.NOTE, Participants.RELAY, null,
                    "Big segment synchronization failed", stats.lastError()));
            case UNSUPPORTED -> Optional.of(new Step(TimelineStep.Arrow.NOTE, Participants.RELAY, null,
                    "Big segments cannot be stored here", stats.message()));
            default -> Optional.empty();
        };
    }
}
