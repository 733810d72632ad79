package io.relayconsole.bigsegments;

import java.time.Instant;

/**
 * One batch the synchronizer handled, for the timeline: where it came from ({@code poll} or {@code stream}), how
 * many patches and set changes were written, the cursor after it, and whether it stopped at an out-of-order patch
 * (then the synchronizer resynchronizes from the stored cursor).
 */
public record SyncBatch(Instant time, String source, int patches, long changes, String cursor, boolean outOfOrder) {
}
