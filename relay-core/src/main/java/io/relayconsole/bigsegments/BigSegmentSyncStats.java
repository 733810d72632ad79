package io.relayconsole.bigsegments;

import java.time.Instant;

/**
 * One environment's synchronizer as the console shows it, taken without I/O. {@code cursor}, times and
 * {@code lastError} are null when there are none; {@code potentiallyStale} as in {@link BigSegmentStatus}.
 */
public record BigSegmentSyncStats(SyncState state, String cursor, Instant lastSynchronizedOn,
                                  boolean potentiallyStale, int segments, long patchesApplied,
                                  long membershipsWritten, long outOfOrderPatches, long malformedPatches,
                                  String lastError, Instant lastErrorTime, String message) {

    /** No big segments in this environment's data. */
    public static BigSegmentSyncStats none() {
        return new BigSegmentSyncStats(SyncState.IDLE, null, null, false, 0, 0, 0, 0, 0, null, null, null);
    }
}
