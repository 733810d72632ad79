package io.relayconsole.simulator;

/** Outages the simulator can play, switchable at run time (see {@link FlagSimulator#setFault}). */
public enum UpstreamFault {
    /** Normal service. */
    NONE,
    /** Connections are refused: the simulator stops listening, and listens on the same port again when cleared. */
    REFUSE,
    /** Every SDK request gets {@code 503 Service Unavailable} (recoverable: clients retry). */
    HTTP_503,
    /** Every SDK request gets {@code 401 Unauthorized} (unrecoverable: clients give up). */
    HTTP_401,
    /** Requests are accepted and never answered; the connection is closed when the fault is cleared. */
    HANG,
    /** Part of an event (or a poll body) is sent, then the connection is closed. */
    DROP_MID_EVENT,
    /** Every response and every stream event is delayed by the configured slow delay. */
    SLOW;

    /** Whether live streams are dropped when this fault is switched on, so clients meet the fault on reconnect. */
    boolean dropsLiveStreams() {
        return this != NONE && this != SLOW;
    }
}
