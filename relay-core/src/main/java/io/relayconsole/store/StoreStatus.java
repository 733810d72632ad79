package io.relayconsole.store;

import java.time.Instant;

/**
 * An immutable view of a store's health: whether it answers, since when, the last error, and the latency of
 * the last operation (milliseconds, -1 when none yet).
 */
public record StoreStatus(boolean available, Instant since, String lastError, Instant lastErrorTime,
                          double lastLatencyMillis, boolean refreshing) {

    public static StoreStatus availableSince(Instant since) {
        return new StoreStatus(true, since, null, null, -1, false);
    }
}
