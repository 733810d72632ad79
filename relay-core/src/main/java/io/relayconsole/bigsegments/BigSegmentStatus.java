package io.relayconsole.bigsegments;

import java.time.Instant;

/**
 * ld-relay's {@code bigSegmentStatus} in {@code /status}: {@code available} is false when the store could not be
 * read; {@code potentiallyStale} when it was never synchronized or not within {@code bigSegmentsStaleThreshold}.
 * {@code lastSynchronizedOn} is null when never.
 */
public record BigSegmentStatus(boolean available, boolean potentiallyStale, Instant lastSynchronizedOn) {
}
