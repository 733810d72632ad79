package io.relayconsole.relay;

import io.relayconsole.bigsegments.BigSegmentSyncStats;
import io.relayconsole.serving.Readiness;
import io.relayconsole.events.EventStats;
import io.relayconsole.store.CacheFreshness;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreStatus;
import io.relayconsole.upstream.DataSourceStatus;
import java.time.Instant;

/**
 * An immutable view of one environment at one moment, taken without store I/O. The SDK key is already masked.
 * Counts are of the live items the relay knows; {@code cache} is null for the in-memory store;
 * {@code dataAvailable} is false while the store is down or nothing is known yet. {@code lastUpdate} is null
 * until upstream sent anything. {@code events} is the environment's event forwarding
 * ({@link EventStats#disabled()} when {@code [Events] sendEvents} is off); {@code bigSegments} its big-segment
 * synchronizer ({@link BigSegmentSyncStats#none()} without big segments).
 */
public record EnvironmentSnapshot(
        String name,
        String maskedSdkKey,
        boolean running,
        Readiness readiness,
        DataSourceStatus dataSource,
        StoreDescription store,
        StoreStatus storeStatus,
        CacheFreshness cache,
        boolean dataAvailable,
        int flagCount,
        int segmentCount,
        Instant lastUpdate,
        long updatesReceived,
        long malformedEvents,
        int connectedStreams,
        EventStats events,
        BigSegmentSyncStats bigSegments) {

    public EnvironmentSnapshot {
        events = events == null ? EventStats.disabled() : events;
        bigSegments = bigSegments == null ? BigSegmentSyncStats.none() : bigSegments;
    }

    /** Without big segments. */
    public EnvironmentSnapshot(String name, String maskedSdkKey, boolean running, Readiness readiness,
                               DataSourceStatus dataSource, StoreDescription store, StoreStatus storeStatus,
                               CacheFreshness cache, boolean dataAvailable, int flagCount, int segmentCount,
                               Instant lastUpdate, long updatesReceived, long malformedEvents, int connectedStreams,
                               EventStats events) {
        this(name, maskedSdkKey, running, readiness, dataSource, store, storeStatus, cache, dataAvailable, flagCount,
                segmentCount, lastUpdate, updatesReceived, malformedEvents, connectedStreams, events, null);
    }

    /** Without event statistics (forwarding off). */
    public EnvironmentSnapshot(String name, String maskedSdkKey, boolean running, Readiness readiness,
                               DataSourceStatus dataSource, StoreDescription store, StoreStatus storeStatus,
                               CacheFreshness cache, boolean dataAvailable, int flagCount, int segmentCount,
                               Instant lastUpdate, long updatesReceived, long malformedEvents, int connectedStreams) {
        this(name, maskedSdkKey, running, readiness, dataSource, store, storeStatus, cache, dataAvailable, flagCount,
                segmentCount, lastUpdate, updatesReceived, malformedEvents, connectedStreams, null);
    }

    public EnvironmentSnapshot withEvents(EventStats newEvents) {
        return new EnvironmentSnapshot(name, maskedSdkKey, running, readiness, dataSource, store, storeStatus, cache,
                dataAvailable, flagCount, segmentCount, lastUpdate, updatesReceived, malformedEvents,
                connectedStreams, newEvents, bigSegments);
    }

    public EnvironmentSnapshot withBigSegments(BigSegmentSyncStats stats) {
        return new EnvironmentSnapshot(name, maskedSdkKey, running, readiness, dataSource, store, storeStatus, cache,
                dataAvailable, flagCount, segmentCount, lastUpdate, updatesReceived, malformedEvents,
                connectedStreams, events, stats);
    }
}
