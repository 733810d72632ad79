package io.relayconsole.app.overview;

import io.relayconsole.timeline.Participants;
import io.relayconsole.timeline.TimelineStep;
import java.util.HashSet;
import java.util.Set;

/**
 * The topology of a scenario's own relay as a presenter shows it: fed by the steps the relay draws (not by the
 * console relay's snapshots), it lights each step's element and keeps each node's state in the document's terms
 * (the store down, LaunchDarkly back up, SDKs refused). FX thread.
 */
public final class PresentedTopology {
    private static final NodeStatus UPSTREAM_START = NodeStatus.idle("not contacted yet");
    private static final NodeStatus RELAY_START = NodeStatus.idle("starting");
    private static final NodeStatus STORE_START = NodeStatus.idle("not used yet");

    private final TopologyModel model = new TopologyModel();
    private final Set<String> sdks = new HashSet<>();
    private NodeStatus upstream;
    private NodeStatus relay;
    private NodeStatus store;

    public PresentedTopology() {
        model.setPaused(true); // no sparklines or pulses: the steps are what moves
        reset();
    }

    /** A new presentation: nothing contacted, nothing lit. */
    public void reset() {
        sdks.clear();
        upstream = UPSTREAM_START;
        relay = RELAY_START;
        store = STORE_START;
        publish(null);
    }

    /** The relay drew {@code step}: light its element and move the nodes' states on. */
    public void apply(TimelineStep step) {
        String text = step.text() == null ? "" : step.text();
        boolean failure = TopologyHighlight.isFailure(step);
        if (step.isNote()) {
            noteOver(step.from(), text);
        } else {
            message(step, failure);
        }
        publish(TopologyHighlight.of(step).orElse(null));
    }

    /** The presentation ended: the states stay, nothing is lit. */
    public void clearHighlight() {
        publish(null);
    }

    public TopologyModel model() {
        return model;
    }

    private void noteOver(String participant, String text) {
        NodeStatus changed = TopologyHighlight.goesDown(text) ? new NodeStatus(NodeStatus.Level.ERROR, "down", "")
                : TopologyHighlight.comesBackUp(text) ? new NodeStatus(NodeStatus.Level.OK, "back up", "") : null;
        if (changed == null) {
            return;
        }
        if (Participants.UPSTREAM.equals(participant)) {
            upstream = changed;
        } else if (Participants.STORE.equals(participant)) {
            store = changed;
        }
    }

    private void message(TimelineStep step, boolean failure) {
        String other = Participants.RELAY.equals(step.from()) ? step.to() : step.from();
        if (Participants.UPSTREAM.equals(other)) {
            if (failure) {
                upstream = new NodeStatus(NodeStatus.Level.ERROR, "unreachable", "");
            } else if (step.arrow() == TimelineStep.Arrow.RESPONSE) {
                upstream = new NodeStatus(NodeStatus.Level.OK, "connected", "");
            }
        } else if (Participants.STORE.equals(other)) {
            store = failure ? new NodeStatus(NodeStatus.Level.ERROR, "unavailable", "")
                    : new NodeStatus(NodeStatus.Level.OK, "available", "");
        } else if (Participants.isSdk(other)) {
            sdks.add(other);
            if (step.arrow() == TimelineStep.Arrow.RESPONSE || failure) {
                relay = failure ? new NodeStatus(NodeStatus.Level.ERROR, "refusing SDKs (503)", "")
                        : new NodeStatus(NodeStatus.Level.OK, "serving SDKs", "");
            }
        }
    }

    private void publish(TopologyHighlight highlight) {
        int count = sdks.size();
        model.show(upstream, relay, store, count == 0 ? NodeStatus.idle("none yet")
                : new NodeStatus(NodeStatus.Level.OK, count + (count == 1 ? " SDK" : " SDKs"), ""), count, highlight);
    }
}
