package io.relayconsole.serving;

/** Whether an environment answers SDK requests now, and if not, with which status. */
public enum Readiness {
    /** Serving (possibly an empty, silent stream if no data exists anywhere yet). */
    READY(200),
    /** Within {@code initTimeout} of start with no data yet, or stopped by the operator: 503. */
    NOT_READY(503),
    /** Upstream rejected the SDK key: the environment answers 401, as ld-relay does. */
    REJECTED(401);

    private final int httpStatus;

    Readiness(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
