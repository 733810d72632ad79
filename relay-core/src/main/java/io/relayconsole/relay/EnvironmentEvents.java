package io.relayconsole.relay;

import io.relayconsole.bigsegments.BigSegmentSyncStats;
import io.relayconsole.bigsegments.SyncBatch;
import io.relayconsole.bigsegments.SyncListener;
import io.relayconsole.events.DeliveryListener;
import io.relayconsole.events.EventKind;
import io.relayconsole.store.StoreAccess;
import io.relayconsole.store.StoreStatus;
import java.time.Clock;
import java.time.Instant;

/**
 * Turns what one environment's parts do (its store stack, event forwarder and big-segment synchronizer) into relay
 * events for the console and the timeline. Called on those parts' threads; publishing never blocks.
 */
final class EnvironmentEvents implements SyncListener, DeliveryListener {
    private final String environment;
    private final RelayEventBus events;
    private final Clock clock;

    EnvironmentEvents(String environment, RelayEventBus events, Clock clock) {
        this.environment = environment;
        this.events = events;
        this.clock = clock;
    }

    void storeAccessed(StoreAccess access) {
        events.publish(new RelayEvent.StoreAccessed(clock.instant(), environment, access));
    }

    void storeStatusChanged(StoreStatus status) {
        events.publish(new RelayEvent.StoreStatusChanged(clock.instant(), environment, status));
    }

    @Override
    public void batchApplied(SyncBatch batch) {
        events.publish(new RelayEvent.BigSegmentsSynced(batch.time(), environment, batch));
    }

    @Override
    public void stateChanged(BigSegmentSyncStats stats) {
        events.publish(new RelayEvent.BigSegmentSyncChanged(clock.instant(), environment, stats));
    }

    @Override
    public void delivered(EventKind kind, int count, Instant time) {
        events.publish(new RelayEvent.EventsDelivered(time, environment, kind, count));
    }

    @Override
    public void failed(EventKind kind, int count, String error, Instant time) {
        events.publish(new RelayEvent.EventsFailed(time, environment, kind, count, error));
    }

    @Override
    public void queueFull(int capacity, Instant time) {
        events.publish(new RelayEvent.EventsDropped(time, environment, capacity));
    }
}
