package io.relayconsole.relay;

import io.relayconsole.store.StoreDescription;
import io.relayconsole.upstream.DataSourceStatus;
import java.time.Instant;

/**
 * An immutable view of one environment at one moment. The SDK key is already masked. Counts are of live
 * items; {@code dataAvailable} is false when the store could not be read for them. {@code lastUpdate} is
 * null until upstream sent anything.
 */
public record EnvironmentSnapshot(
        String name,
        String maskedSdkKey,
        boolean running,
        Readiness readiness,
        DataSourceStatus dataSource,
        StoreDescription store,
        boolean storeInitialized,
        boolean dataAvailable,
        int flagCount,
        int segmentCount,
        Instant lastUpdate,
        long updatesReceived,
        long malformedEvents,
        int connectedStreams) {
}
