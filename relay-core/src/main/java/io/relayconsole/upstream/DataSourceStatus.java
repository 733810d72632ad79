package io.relayconsole.upstream;

import java.time.Instant;

/**
 * An immutable view of an upstream connection: its state and since when, the last error, and when the next
 * attempt is due ({@code nextRetryAt} null when none is scheduled) with the attempt count so far.
 */
public record DataSourceStatus(DataSourceState state, Instant stateSince, ErrorInfo lastError,
                               Instant nextRetryAt, int attempt) {

    public static DataSourceStatus initializing(Instant now) {
        return new DataSourceStatus(DataSourceState.INITIALIZING, now, null, null, 0);
    }
}
