package io.relayconsole.events;

/**
 * The answer to one inbound payload: 202 when it was taken (queued, or counted as dropped because the queue is
 * full: an SDK must not retry into a full queue), or the status and message of a refusal.
 */
public record Acceptance(int status, String message) {
    public static final Acceptance ACCEPTED = new Acceptance(202, null);

    public boolean accepted() {
        return status == 202;
    }

    static Acceptance refused(int status, String message) {
        return new Acceptance(status, message);
    }
}
