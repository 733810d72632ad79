package io.relayconsole.relay;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.Secrets;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.store.CacheFreshness;
import io.relayconsole.store.CachingDataStore;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.StoreException;
import io.relayconsole.store.StoreStatus;
import io.relayconsole.store.StoreStatusTracker;
import io.relayconsole.upstream.DataSource;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.DataSourceStatus;
import io.relayconsole.upstream.DataSourceUpdates;
import io.relayconsole.upstream.ErrorInfo;
import io.relayconsole.upstream.UpstreamSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One environment: its upstream connection, its store, and the rules that decide whether SDKs are served.
 * It is the data source's update sink: every change is written to the store and handed to the
 * {@link UpdateListener}s (the SDK streams), even when the store refuses or fails.
 */
public final class RelayEnvironment implements DataSourceUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(RelayEnvironment.class);

    private final EnvironmentConfig config;
    private final MainConfig main;
    private final RelayOptions options;
    private final ScheduledExecutorService scheduler;
    private final RelayEventBus events;
    private final SdkConnections connections;
    private final Clock clock;
    private final List<UpdateListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong updatesReceived = new AtomicLong();
    private final AtomicLong malformedEvents = new AtomicLong();
    // Guards status composition only; start/stop lock "this" and may wait on the source's thread.
    private final Object statusLock = new Object();
    // Held while an update is applied and while the store is swapped, so a switch loses no update.
    private final Object updateLock = new Object();
    private volatile java.util.concurrent.CompletableFuture<StoreOperationResult> pendingResync;

    private volatile DataStore store;
    private volatile CachingDataStore cache; // null for the in-memory store
    private final StoreStatus inMemoryStoreStatus;
    private volatile StoreSupervisor supervisor;
    private volatile DataSource dataSource;
    private volatile ScheduledFuture<?> initTimer;
    private volatile DataSourceStatus status;
    private volatile boolean running;
    private volatile boolean receivedData;
    private volatile boolean initTimedOut;
    private volatile boolean rejected;
    private volatile Instant lastUpdate;
    private volatile Readiness lastPublishedReadiness;

    RelayEnvironment(EnvironmentConfig config, MainConfig main, RelayOptions options,
                     ScheduledExecutorService scheduler, RelayEventBus events, SdkConnections connections) {
        this.config = config;
        this.main = main;
        this.options = options;
        this.scheduler = scheduler;
        this.events = events;
        this.connections = connections;
        this.clock = options.clock();
        this.status = DataSourceStatus.initializing(clock.instant());
        this.inMemoryStoreStatus = StoreStatus.availableSince(clock.instant());
        useStore(options.storeFactory().apply(config), options.cacheTtl());
    }

    /** Puts a persistent store behind the TTL cache and its supervisor; the in-memory store needs neither. */
    private void useStore(DataStore raw, Duration cacheTtl) {
        if (raw.description().isPersistent()) {
            StoreStatusTracker tracker = new StoreStatusTracker(raw, scheduler, clock, name());
            CachingDataStore caching = new CachingDataStore(raw, cacheTtl, clock, tracker, this::publishStoreAccess);
            supervisor = new StoreSupervisor(name(), caching, scheduler, updateLock, this::publishStoreAccess,
                    this::reconnectUpstream, this::publishStoreStatus);
            cache = caching;
            store = caching;
        } else {
            supervisor = null;
            cache = null;
            store = raw;
        }
    }

    public String name() {
        return config.name();
    }

    public EnvironmentConfig config() {
        return config;
    }

    public DataStore store() {
        return store;
    }

    /**
     * The backend itself, without the cache in front of it (e.g. to list a DynamoDB store's dropped items).
     * The same as {@link #store()} for the in-memory store.
     */
    public DataStore rawStore() {
        CachingDataStore c = cache;
        return c != null ? c.underlying() : store;
    }

    /** Connects upstream; SDKs get 503 until data arrives or {@code initTimeout} passes. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        receivedData = false;
        initTimedOut = false;
        rejected = false;
        status = DataSourceStatus.initializing(clock.instant());
        UpstreamSettings settings = UpstreamSettings.from(main, config.sdkKey())
                .withInitialReconnectDelay(options.initialReconnectDelay());
        dataSource = options.dataSourceFactory().create(settings, this);
        long timeoutMs = Math.max(0, main.initTimeout().toMillis());
        initTimer = scheduler.schedule(this::initTimeoutElapsed, timeoutMs, TimeUnit.MILLISECONDS);
        LOG.info("[{}] Connecting to upstream {} ({})", name(), main.streamUri(), Secrets.mask(config.sdkKey()));
        dataSource.start();
        publishStatus();
        publishReadinessIfChanged();
    }

    /** Disconnects upstream; SDKs get 503 until started again. Data already stored stays. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        ScheduledFuture<?> timer = initTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        DataSource source = dataSource;
        dataSource = null;
        if (source != null) {
            source.close();
        }
        setStatus(DataSourceState.OFF, null);
        publishReadinessIfChanged();
        LOG.info("[{}] Stopped", name());
    }

    /** Stops and releases the store's connections; the environment cannot be started again. */
    public synchronized void close() {
        stop();
        StoreSupervisor s = supervisor;
        if (s != null) {
            s.close();
        }
        store.close();
    }

    /** Drops the upstream connection and reconnects at once, skipping any backoff. */
    public void reconnectUpstream() {
        DataSource source = dataSource;
        if (source != null) {
            LOG.info("[{}] Reconnecting to upstream on request", name());
            source.restart();
        }
    }

    public boolean isRunning() {
        return running;
    }

    public Readiness readiness() {
        if (!running) {
            return Readiness.NOT_READY;
        }
        if (rejected) {
            return Readiness.REJECTED;
        }
        return receivedData || initTimedOut ? Readiness.READY : Readiness.NOT_READY;
    }

    /** Whether the store holds a complete data set; false also when it cannot be asked. */
    public boolean isStoreInitialized() {
        try {
            return store.isInitialized();
        } catch (StoreException e) {
            return false;
        }
    }

    /** What SDKs are served now. Throws {@link StoreException} when the store cannot answer. */
    public FullDataSet currentData() {
        return store.getAllData();
    }

    public DataSourceStatus dataSourceStatus() {
        return status;
    }

    /** The store's health; an in-memory store is always available. */
    public StoreStatus storeStatus() {
        CachingDataStore c = cache;
        return c != null ? c.tracker().status() : inMemoryStoreStatus;
    }

    /** How fresh the cache in front of a persistent store is; null for the in-memory store. */
    public CacheFreshness cacheFreshness() {
        CachingDataStore c = cache;
        return c != null ? c.freshness() : null;
    }

    /** How fresh one cached item is (no store I/O); null for the in-memory store. */
    public CacheFreshness cacheFreshness(DataKind kind, String key) {
        CachingDataStore c = cache;
        return c != null ? c.freshness(kind, key) : null;
    }

    /**
     * The data the relay knows, without any store I/O (so the console can look as often as it likes without
     * refreshing the cache): the last data from upstream or the store. Null before any.
     */
    public FullDataSet knownData() {
        CachingDataStore c = cache;
        return c != null ? c.lastKnown() : store.getAllData();
    }

    public void addUpdateListener(UpdateListener listener) {
        listeners.add(listener);
    }

    public void removeUpdateListener(UpdateListener listener) {
        listeners.remove(listener);
    }

    public EnvironmentSnapshot snapshot() {
        FullDataSet data = knownData();
        int flags = data == null ? 0 : data.liveCount(DataKind.FEATURES);
        int segments = data == null ? 0 : data.liveCount(DataKind.SEGMENTS);
        StoreStatus storeStatus = storeStatus();
        return new EnvironmentSnapshot(name(), Secrets.mask(config.sdkKey()), running, readiness(), status,
                store.description(), storeStatus, cacheFreshness(), storeStatus.available() && data != null,
                flags, segments, lastUpdate, updatesReceived.get(), malformedEvents.get(),
                connections.count(name()));
    }

    // ---- Operator's store operations (the console calls these off the FX thread) ----

    /**
     * Asks upstream for the full data set again. Completes when it arrives (with what was stored), or fails
     * to arrive within {@code timeout}.
     */
    public java.util.concurrent.CompletableFuture<StoreOperationResult> resyncFromUpstream(Duration timeout) {
        long start = System.nanoTime();
        java.util.concurrent.CompletableFuture<StoreOperationResult> result = new java.util.concurrent.CompletableFuture<>();
        if (dataSource == null) {
            result.complete(StoreOperationResult.failed("Resync from upstream", start, "the environment is stopped"));
            return result;
        }
        pendingResync = result;
        reconnectUpstream();
        return result.completeOnTimeout(StoreOperationResult.failed("Resync from upstream", start,
                        "no data from upstream within " + timeout.toSeconds() + " s"), timeout.toMillis(),
                        TimeUnit.MILLISECONDS)
                .thenApply(r -> new StoreOperationResult(r.operation(), r.success(), r.items(),
                        Duration.ofNanos(System.nanoTime() - start), r.message()));
    }

    /** Writes everything the relay knows over the store's content (the operator's explicit full rewrite). */
    public StoreOperationResult rewriteStoreFromCache() {
        long start = System.nanoTime();
        String op = "Rewrite store from cache";
        FullDataSet known = knownData();
        if (known == null) {
            return StoreOperationResult.failed(op, start, "the relay has no data yet");
        }
        synchronized (updateLock) {
            try {
                store.init(known);
                StoreSupervisor s = supervisor;
                if (s != null) {
                    s.storeInitialized();
                }
            } catch (StoreException e) {
                return StoreOperationResult.failed(op, start, e.getMessage());
            }
        }
        int items = known.flags().size() + known.segments().size();
        return StoreOperationResult.ok(op, items, start, "wrote " + items + " item(s) to " + store.description().label());
    }

    /** Drops the cache and reads everything from the store at once. */
    public StoreOperationResult reloadCacheFromStore() {
        long start = System.nanoTime();
        String op = "Reload cache from store";
        CachingDataStore c = cache;
        if (c == null) {
            return StoreOperationResult.failed(op, start, "the in-memory store has no separate cache");
        }
        try {
            c.clearCache();
            FullDataSet data = c.getAllData();
            c.primeCache(data);
            int items = data.flags().size() + data.segments().size();
            return StoreOperationResult.ok(op, items, start, "read " + items + " item(s) from the store");
        } catch (StoreException e) {
            return StoreOperationResult.failed(op, start, e.getMessage());
        }
    }

    /** Empties the cache: the next SDK request reads the store (and gets 503 if it is down). */
    public StoreOperationResult clearCache() {
        long start = System.nanoTime();
        CachingDataStore c = cache;
        if (c == null) {
            return StoreOperationResult.failed("Clear cache", start, "the in-memory store has no separate cache");
        }
        c.clearCache();
        return StoreOperationResult.ok("Clear cache", 0, start, "the next request reads the store");
    }

    /**
     * Moves the environment to another store at runtime: the new store is given the current data, then swapped
     * in, then the old one closed. Connected SDKs stay connected. If the new store cannot be written, the old one
     * stays and the result says why.
     */
    public StoreOperationResult switchStore(DataStore newStore, Duration cacheTtl) {
        long start = System.nanoTime();
        String op = "Switch store to " + newStore.description().label();
        synchronized (updateLock) {
            FullDataSet known = knownData();
            int items = 0;
            try {
                if (known != null && known != FullDataSet.empty()) {
                    newStore.init(known);
                    items = known.flags().size() + known.segments().size();
                }
            } catch (RuntimeException e) {
                newStore.close();
                LOG.error("[{}] Store switch failed, keeping {}: {}", name(), store.description().label(),
                        e.getMessage());
                return StoreOperationResult.failed(op, start, e.getMessage());
            }
            DataStore oldStore = store;
            StoreSupervisor oldSupervisor = supervisor;
            useStore(newStore, cacheTtl);
            if (cache != null && known != null) {
                cache.primeCache(known);
                supervisor.storeInitialized();
            }
            if (oldSupervisor != null) {
                oldSupervisor.close();
            }
            oldStore.close();
            LOG.info("[{}] Now using {}", name(), store.description().label());
            publishStoreStatus();
            return StoreOperationResult.ok(op, items, start, "copied " + items + " item(s); SDKs stayed connected");
        }
    }

    /**
     * Changes the TTL of the cache in front of the persistent store: the same store is wrapped again with the
     * new TTL, and the cache keeps the data the relay knows, so nothing is read or written. SDKs stay connected.
     */
    public StoreOperationResult setCacheTtl(Duration ttl) {
        long start = System.nanoTime();
        String op = "Set cache TTL";
        synchronized (updateLock) {
            CachingDataStore old = cache;
            if (old == null) {
                return StoreOperationResult.failed(op, start, "the in-memory store has no cache");
            }
            FullDataSet known = old.lastKnown();
            StoreStatus oldStatus = old.tracker().status();
            StoreSupervisor oldSupervisor = supervisor;
            boolean storeWasInitialized = oldSupervisor != null && oldSupervisor.storeWasInitialized();
            if (oldSupervisor != null) {
                oldSupervisor.close(); // stops the old tracker; the raw store stays open for the new wrapper
            }
            useStore(old.underlying(), ttl);
            if (known != null) {
                cache.primeCache(known);
            }
            if (storeWasInitialized) {
                supervisor.storeInitialized();
            }
            if (!oldStatus.available()) {
                // Still down: the new wrapper keeps probing, and writes back when the store returns.
                cache.tracker().markUnavailable(new StoreException(String.valueOf(oldStatus.lastError())));
            }
            LOG.info("[{}] Cache TTL is now {}", name(), describeTtl(ttl));
            publishStoreStatus();
            return StoreOperationResult.ok(op, 0, start, "the cache TTL is now " + describeTtl(ttl));
        }
    }

    private static String describeTtl(Duration ttl) {
        if (ttl.isNegative()) {
            return "forever";
        }
        return ttl.isZero() ? "0 (no cache)" : ttl.toMillis() % 1000 == 0 ? ttl.toSeconds() + " s" : ttl.toMillis() + " ms";
    }

    // ---- DataSourceUpdates: called on the data source's thread ----

    @Override
    public boolean init(FullDataSet data) {
        synchronized (updateLock) {
            return applyInit(data);
        }
    }

    private boolean applyInit(FullDataSet data) {
        boolean stored = true;
        try {
            store.init(data);
            StoreSupervisor s = supervisor;
            if (s != null) {
                s.storeInitialized();
            }
        } catch (StoreException e) {
            stored = false;
            LOG.error("[{}] Could not store the full data set: {}", name(), e.getMessage());
        }
        receivedData = true;
        touch();
        for (UpdateListener l : listeners) {
            l.onFullData(data);
        }
        events.publish(new RelayEvent.FullDataReceived(clock.instant(), name(), data.liveCount(DataKind.FEATURES),
                data.liveCount(DataKind.SEGMENTS), stored));
        publishReadinessIfChanged();
        java.util.concurrent.CompletableFuture<StoreOperationResult> resync = pendingResync;
        if (resync != null) {
            pendingResync = null;
            int items = data.flags().size() + data.segments().size();
            resync.complete(new StoreOperationResult("Resync from upstream", stored, items, Duration.ZERO,
                    stored ? "received and stored " + items + " item(s)"
                            : "received " + items + " item(s) but the store could not be written"));
        }
        return stored;
    }

    @Override
    public boolean upsert(DataKind kind, Item item) {
        synchronized (updateLock) {
            return applyUpsert(kind, item);
        }
    }

    private boolean applyUpsert(DataKind kind, Item item) {
        boolean stored;
        boolean failed = false;
        try {
            stored = store.upsert(kind, item);
        } catch (StoreException e) {
            stored = false;
            failed = true;
            LOG.error("[{}] Could not store {} \"{}\": {}", name(), kind.namespace(), item.key(), e.getMessage());
        }
        touch();
        // Broadcast regardless: another relay may have written a newer version, and SDKs check versions.
        for (UpdateListener l : listeners) {
            l.onItem(kind, item);
        }
        events.publish(new RelayEvent.ItemReceived(clock.instant(), name(), kind, item.key(), item.version(),
                item.deleted(), stored));
        return !failed;
    }

    @Override
    public void updateStatus(DataSourceState state, ErrorInfo error) {
        if (error != null && error.kind() == ErrorInfo.Kind.ERROR_RESPONSE && state == DataSourceState.OFF
                && !ErrorInfo.isRecoverableStatus(error.statusCode())) {
            rejected = true;
            LOG.error("[{}] Upstream rejected the SDK key ({}); SDKs for this environment now get 401",
                    name(), error.message());
        }
        synchronized (statusLock) {
            DataSourceState effective = state;
            if (state == DataSourceState.INTERRUPTED && status.state() == DataSourceState.INITIALIZING) {
                effective = DataSourceState.INITIALIZING; // the SDKs' rule: never valid yet, so still initializing
            }
            setStatus(effective, error);
        }
        publishReadinessIfChanged();
    }

    @Override
    public void retryScheduled(Instant at, int attempt) {
        synchronized (statusLock) {
            DataSourceStatus s = status;
            status = new DataSourceStatus(s.state(), s.stateSince(), s.lastError(), at, attempt);
            publishStatus();
        }
    }

    @Override
    public void malformedData(String reason) {
        malformedEvents.incrementAndGet();
        LOG.warn("[{}] Skipped malformed data from upstream: {}", name(), reason);
        events.publish(new RelayEvent.MalformedData(clock.instant(), name(), reason));
    }

    private void setStatus(DataSourceState state, ErrorInfo error) {
        synchronized (statusLock) {
            DataSourceStatus s = status;
            Instant since = state == s.state() ? s.stateSince() : clock.instant();
            ErrorInfo lastError = error != null ? error : s.lastError();
            boolean valid = state == DataSourceState.VALID;
            status = new DataSourceStatus(state, since, lastError, valid ? null : s.nextRetryAt(),
                    valid ? 0 : s.attempt());
            publishStatus();
        }
    }

    private void initTimeoutElapsed() {
        if (!receivedData && running) {
            initTimedOut = true;
            LOG.warn("[{}] No data from upstream within initTimeout ({} ms); serving what the store has ({})",
                    name(), main.initTimeout().toMillis(), isStoreInitialized() ? "initialized" : "nothing yet");
            publishReadinessIfChanged();
            warmCacheFromStore();
        }
    }

    /**
     * A cold relay reads its persistent store as soon as initTimeout passes, as the relay's documentation draws
     * it: the first SDKs are then served from memory, and the console shows the data at once.
     */
    private void warmCacheFromStore() {
        if (cache == null) {
            return;
        }
        try {
            if (store.isInitialized()) {
                store.getAllData();
            }
        } catch (StoreException e) {
            LOG.warn("[{}] Could not read the store after initTimeout: {}", name(), e.getMessage());
        }
    }

    private void touch() {
        updatesReceived.incrementAndGet();
        lastUpdate = clock.instant();
    }

    private void publishStoreAccess(io.relayconsole.store.StoreAccess access) {
        events.publish(new RelayEvent.StoreAccessed(clock.instant(), name(), access));
    }

    private void publishStoreStatus() {
        events.publish(new RelayEvent.StoreStatusChanged(clock.instant(), name(), storeStatus()));
    }

    private void publishStatus() {
        events.publish(new RelayEvent.DataSourceStatusChanged(clock.instant(), name(), status));
    }

    private void publishReadinessIfChanged() {
        synchronized (statusLock) {
            Readiness now = readiness();
            if (now != lastPublishedReadiness) {
                lastPublishedReadiness = now;
                events.publish(new RelayEvent.ReadinessChanged(clock.instant(), name(), now));
            }
        }
    }
}
