package io.relayconsole.relay;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.serving.UpdateListener;
import io.relayconsole.store.ManagedStore;
import io.relayconsole.store.StoreOperationResult;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.DataSourceUpdates;
import io.relayconsole.upstream.ErrorInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The environment's private update sink: what the data source receives is written to the store and handed to the
 * {@link UpdateListener}s (the SDK streams) even when the store refuses or fails, since SDKs check versions
 * themselves. Called on the data source's thread.
 */
final class UpstreamSink implements DataSourceUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamSink.class);

    private final String environment;
    private final ManagedStore store;
    private final EnvironmentStatus status;
    private final RelayEventBus events;
    private final Clock clock;
    private final List<UpdateListener> listeners = new CopyOnWriteArrayList<>();
    // Every resync caller waits for the next full data set; requests that overlap share it.
    private final ConcurrentLinkedQueue<CompletableFuture<StoreOperationResult>> resyncWaiters =
            new ConcurrentLinkedQueue<>();
    private final AtomicLong updatesReceived = new AtomicLong();
    private final AtomicLong malformedEvents = new AtomicLong();
    private volatile Instant lastUpdate;

    UpstreamSink(String environment, ManagedStore store, EnvironmentStatus status, RelayEventBus events,
                 Clock clock) {
        this.environment = environment;
        this.store = store;
        this.status = status;
        this.events = events;
        this.clock = clock;
    }

    void addListener(UpdateListener listener) {
        listeners.add(listener);
    }

    void removeListener(UpdateListener listener) {
        listeners.remove(listener);
    }

    /**
     * Registers a resync caller for the next full data set (a timeout that completes it removes it again);
     * true if no other caller was waiting, so this one asks upstream and overlapping requests share one resync.
     */
    boolean addResyncWaiter(CompletableFuture<StoreOperationResult> waiter) {
        boolean first;
        synchronized (resyncWaiters) {
            first = resyncWaiters.isEmpty();
            resyncWaiters.add(waiter);
        }
        waiter.whenComplete((r, e) -> resyncWaiters.remove(waiter));
        return first;
    }

    long updatesReceived() {
        return updatesReceived.get();
    }

    long malformedEvents() {
        return malformedEvents.get();
    }

    Instant lastUpdate() {
        return lastUpdate;
    }

    @Override
    public boolean init(FullDataSet data) {
        boolean stored = store.init(data);
        status.dataReceived();
        touch();
        for (UpdateListener l : listeners) {
            l.onFullData(data);
        }
        events.publish(new RelayEvent.FullDataReceived(clock.instant(), environment,
                data.liveCount(DataKind.FEATURES), data.liveCount(DataKind.SEGMENTS), stored));
        completeResyncs(data, stored);
        return stored;
    }

    private void completeResyncs(FullDataSet data, boolean stored) {
        int items = data.flags().size() + data.segments().size();
        StoreOperationResult result = new StoreOperationResult("Resync from upstream", stored, items, Duration.ZERO,
                stored ? "received and stored " + items + " item(s)"
                        : "received " + items + " item(s) but the store could not be written");
        CompletableFuture<StoreOperationResult> waiter;
        while ((waiter = resyncWaiters.poll()) != null) {
            waiter.complete(result);
        }
    }

    @Override
    public boolean upsert(DataKind kind, Item item) {
        ManagedStore.Write write = store.upsert(kind, item);
        touch();
        for (UpdateListener l : listeners) {
            l.onItem(kind, item);
        }
        events.publish(new RelayEvent.ItemReceived(clock.instant(), environment, kind, item.key(), item.version(),
                item.deleted(), write == ManagedStore.Write.STORED));
        return write != ManagedStore.Write.FAILED;
    }

    @Override
    public void updateStatus(DataSourceState state, ErrorInfo error) {
        status.update(state, error);
    }

    @Override
    public void retryScheduled(Instant at, int attempt) {
        status.retryScheduled(at, attempt);
    }

    @Override
    public void malformedData(String reason) {
        malformedEvents.incrementAndGet();
        LOG.warn("[{}] Skipped malformed data from upstream: {}", environment, reason);
        events.publish(new RelayEvent.MalformedData(clock.instant(), environment, reason));
    }

    private void touch() {
        updatesReceived.incrementAndGet();
        lastUpdate = clock.instant();
    }
}
