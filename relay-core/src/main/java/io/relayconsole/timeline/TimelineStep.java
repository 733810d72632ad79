package io.relayconsole.timeline;

import java.time.Instant;

/**
 * One step of a sequence diagram: a message between two participants or a note over one.
 *
 * @param sequence  position in the recorder (increasing, unique per recorder); an index for parsed diagrams
 * @param time      when the relay saw it; null for parsed diagrams
 * @param from      sender, or the participant a note is over
 * @param to        receiver; null for notes
 * @param text      what the diagram shows
 * @param detail    what the console shows on hover (error message, remote address, item counts); may be null
 * @param causedBy  the participant whose action led to this step when it is neither end (the upstream, for a
 *                  store write of data that came from upstream); null otherwise
 */
public record TimelineStep(long sequence, Instant time, String environment, Arrow arrow, String from, String to,
                           String text, String detail, String causedBy) {

    /** Mermaid's arrows as the seed document uses them. */
    public enum Arrow {
        /** {@code ->>}: a request or a write. */
        REQUEST("->>"),
        /** {@code -->>}: a response. */
        RESPONSE("-->>"),
        /** {@code -x}: a request that failed. */
        FAILURE("-x"),
        /** {@code note over}. */
        NOTE(null);

        private final String mermaid;

        Arrow(String mermaid) {
            this.mermaid = mermaid;
        }

        public String mermaid() {
            return mermaid;
        }
    }

    public boolean isNote() {
        return arrow == Arrow.NOTE;
    }

    /** Whether every participant this step involves (ends and cause) is among {@code participants}. */
    public boolean onlyInvolves(java.util.Collection<String> participants) {
        return participants.contains(from) && (to == null || participants.contains(to))
                && (causedBy == null || participants.contains(causedBy));
    }

    TimelineStep withSequence(long newSequence) {
        return new TimelineStep(newSequence, time, environment, arrow, from, to, text, detail, causedBy);
    }

    TimelineStep causedBy(String participant) {
        return new TimelineStep(sequence, time, environment, arrow, from, to, text, detail, participant);
    }
}
