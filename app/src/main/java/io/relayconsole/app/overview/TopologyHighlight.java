package io.relayconsole.app.overview;

import io.relayconsole.timeline.Participants;
import io.relayconsole.timeline.TimelineStep;
import java.util.Optional;

/**
 * The topology element a presenter's step lights: the edge a message travels (relay–upstream, relay–store, one SDK's
 * edge) or the node a note is over, in the danger colour when the step is a failure.
 *
 * @param sdk     the SDK's number (SDK2 is 2) for {@link Element#SDK_EDGE} and an SDK's note; 0 otherwise
 * @param failure a failed request, a refusal (503) or a participant going down
 */
public record TopologyHighlight(Element element, int sdk, boolean failure) {

    /** The nodes and edges of the topology a step can light. */
    public enum Element { UPSTREAM, RELAY, STORE, SDKS, UPSTREAM_EDGE, STORE_EDGE, SDK_EDGE }

    /** What {@code step} lights; empty for a participant the topology does not draw. */
    public static Optional<TopologyHighlight> of(TimelineStep step) {
        boolean failure = isFailure(step);
        if (step.isNote()) {
            return node(step.from()).map(e -> new TopologyHighlight(e, sdkNumber(step.from()), failure));
        }
        // Every message the diagrams draw has the relay at one end; the other end names the edge.
        String other = Participants.RELAY.equals(step.from()) ? step.to() : step.from();
        if (Participants.UPSTREAM.equals(other)) {
            return Optional.of(new TopologyHighlight(Element.UPSTREAM_EDGE, 0, failure));
        }
        if (Participants.STORE.equals(other)) {
            return Optional.of(new TopologyHighlight(Element.STORE_EDGE, 0, failure));
        }
        if (Participants.isSdk(other)) {
            return Optional.of(new TopologyHighlight(Element.SDK_EDGE, sdkNumber(other), failure));
        }
        return Optional.empty();
    }

    /**
     * A failed arrow, a plain arrow the document labels FAILED, the relay refusing an SDK, or a note that a
     * participant went down.
     */
    static boolean isFailure(TimelineStep step) {
        String text = step.text() == null ? "" : step.text();
        return step.arrow() == TimelineStep.Arrow.FAILURE || text.contains("FAILED")
                || text.contains("Service Unavailable") || step.isNote() && goesDown(text);
    }

    /** "Database goes down", "LaunchDarkly is down": the document's words for an outage starting. */
    static boolean goesDown(String note) {
        return note.contains(" goes down") || note.contains(" is down");
    }

    /** "Database comes back up": the document's words for an outage ending. */
    static boolean comesBackUp(String note) {
        return note.contains("comes back up");
    }

    private static Optional<Element> node(String participant) {
        if (Participants.UPSTREAM.equals(participant)) {
            return Optional.of(Element.UPSTREAM);
        }
        if (Participants.RELAY.equals(participant)) {
            return Optional.of(Element.RELAY);
        }
        if (Participants.STORE.equals(participant)) {
            return Optional.of(Element.STORE);
        }
        return Participants.isSdk(participant) ? Optional.of(Element.SDKS) : Optional.empty();
    }

    private static int sdkNumber(String participant) {
        return Participants.isSdk(participant) ? Integer.parseInt(participant.substring("SDK".length())) : 0;
    }
}
