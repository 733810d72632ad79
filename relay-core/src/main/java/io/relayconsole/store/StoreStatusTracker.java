package io.relayconsole.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a store's health. Any failed operation marks it unavailable; from then on its availability probe runs
 * every {@link #PROBE_INTERVAL} until it answers, and listeners are told it recovered so the data can be
 * written back. Also records the latency of the last operation, and tells its {@link StoreObserver} of each one.
 */
public final class StoreStatusTracker {
    public static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(StoreStatusTracker.class);

    /** Told about every status change, and once each time the store comes back. Called off I/O threads. */
    public interface Listener {
        void onStatusChanged(StoreStatus status);

        void onRecovered();
    }

    private final DataStore store;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final String label;
    private final StoreObserver observer;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile StoreStatus status;
    private ScheduledFuture<?> probe;

    public StoreStatusTracker(DataStore store, ScheduledExecutorService scheduler, Clock clock, String label) {
        this(store, scheduler, clock, label, StoreObserver.NONE);
    }

    public StoreStatusTracker(DataStore store, ScheduledExecutorService scheduler, Clock clock, String label,
                              StoreObserver observer) {
        this.observer = observer;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        this.label = label;
        this.status = StoreStatus.availableSince(clock.instant());
    }

    public StoreStatus status() {
        return status;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Runs a store operation, timing it and noting a failure. */
    public <T> T timed(Supplier<T> operation) {
        long start = System.nanoTime();
        try {
            T result = operation.get();
            recordLatency(start, false);
            return result;
        } catch (StoreException e) {
            recordLatency(start, true);
            markUnavailable(e);
            throw e;
        }
    }

    public void timed(Runnable operation) {
        timed(() -> {
            operation.run();
            return null;
        });
    }

    private void recordLatency(long startNanos, boolean failed) {
        long nanos = System.nanoTime() - startNanos;
        observer.operation(nanos, failed);
        double millis = nanos / 1_000_000.0;
        StoreStatus s = status;
        status = new StoreStatus(s.available(), s.since(), s.lastError(), s.lastErrorTime(), millis, s.refreshing());
    }

    /** Notes a failure; starts probing if the store was considered available. */
    public void markUnavailable(Exception cause) {
        boolean changed;
        synchronized (lock) {
            StoreStatus s = status;
            changed = s.available();
            Instant now = clock.instant();
            status = new StoreStatus(false, changed ? now : s.since(), cause.getMessage(), now, s.lastLatencyMillis(),
                    false);
            if (changed) {
                probe = scheduler.scheduleWithFixedDelay(this::probeOnce, PROBE_INTERVAL.toMillis(),
                        PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        if (changed) {
            LOG.error("[{}] Store unavailable: {}; checking again every {} ms", label, cause.getMessage(),
                    PROBE_INTERVAL.toMillis());
            notifyStatus();
        }
    }

    private void probeOnce() {
        if (!store.isAvailable()) {
            return;
        }
        synchronized (lock) {
            if (probe != null) {
                probe.cancel(false);
                probe = null;
            }
            StoreStatus s = status;
            status = new StoreStatus(true, clock.instant(), s.lastError(), s.lastErrorTime(), s.lastLatencyMillis(),
                    true);
        }
        LOG.warn("[{}] Store available again; refreshing its data", label);
        notifyStatus();
        for (Listener l : listeners) {
            try {
                l.onRecovered();
            } catch (RuntimeException e) {
                LOG.error("[{}] Refreshing the store after its recovery failed", label, e);
            }
        }
        StoreStatus s = status;
        if (s.available()) {
            status = new StoreStatus(true, s.since(), s.lastError(), s.lastErrorTime(), s.lastLatencyMillis(), false);
            notifyStatus();
        }
    }

    private void notifyStatus() {
        StoreStatus s = status;
        for (Listener l : listeners) {
            l.onStatusChanged(s);
        }
    }

    /** Stops probing (the store is being closed or replaced). */
    public void close() {
        synchronized (lock) {
            if (probe != null) {
                probe.cancel(false);
                probe = null;
            }
        }
    }
}
