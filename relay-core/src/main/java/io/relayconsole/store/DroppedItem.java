package io.relayconsole.store;

import io.relayconsole.model.DataKind;
import java.time.Instant;

/**
 * A flag or segment that was not written because it exceeds DynamoDB's 400 KB item limit; daemon-mode SDKs
 * cannot see it.
 *
 * @param estimatedSize the size estimate that exceeded the limit, in bytes
 * @param version the version that was dropped
 * @param droppedAt when it was dropped
 */
public record DroppedItem(DataKind kind, String key, long version, int estimatedSize, Instant droppedAt) {
}
