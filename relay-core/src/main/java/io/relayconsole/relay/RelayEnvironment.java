package io.relayconsole.relay;

import io.relayconsole.bigsegments.BigSegmentMembership;
import io.relayconsole.bigsegments.BigSegmentStatus;
import io.relayconsole.bigsegments.EnvironmentBigSegments;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.EventsConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.Secrets;
import io.relayconsole.events.EventForwarder;
import io.relayconsole.events.EventStats;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.serving.Readiness;
import io.relayconsole.serving.SdkConnections;
import io.relayconsole.serving.ServedEnvironment;
import io.relayconsole.serving.UpdateListener;
import io.relayconsole.store.ManagedStore;
import io.relayconsole.store.StoreAccess;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreException;
import io.relayconsole.store.StoreOperationResult;
import io.relayconsole.store.StoreStatus;
import io.relayconsole.upstream.DataSource;
import io.relayconsole.upstream.DataSourceStatus;
import io.relayconsole.upstream.UpstreamSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One environment: the lifecycle of its upstream connection, and the composition of what it serves and shows. Its
 * store stack is a {@link ManagedStore}; what upstream sends goes through a private {@link UpstreamSink}; status and
 * readiness live in {@link EnvironmentStatus}.
 */
public final class RelayEnvironment implements ServedEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(RelayEnvironment.class);

    private final EnvironmentConfig config;
    private final MainConfig main;
    private final RelayOptions options;
    private final ScheduledExecutorService scheduler;
    private final RelayEventBus events;
    private final SdkConnections connections;
    private final Clock clock;
    private final EnvironmentStatus status;
    private final ManagedStore store;
    private final UpstreamSink sink;
    private final EventForwarder eventForwarder; // null when [Events] sendEvents is off
    private final EnvironmentEvents publisher;
    private final BigSegmentsLink bigSegmentsLink;
    private final EnvironmentBigSegments bigSegments;
    // Guards start/stop only (they may wait on the data source's thread); never held while data is applied.
    private final Object lifecycleLock = new Object();
    private volatile DataSource dataSource;
    private ScheduledFuture<?> initTimer;

    RelayEnvironment(EnvironmentConfig config, MainConfig main, EventsConfig eventsConfig, RelayOptions options,
                     ScheduledExecutorService scheduler, RelayEventBus events, SdkConnections connections) {
        this.config = config;
        this.main = main;
        this.options = options;
        this.scheduler = scheduler;
        this.events = events;
        this.connections = connections;
        this.clock = options.clock();
        this.status = new EnvironmentStatus(config.name(), clock, events);
        this.publisher = new EnvironmentEvents(config.name(), events, clock);
        this.store = new ManagedStore(config.name(), options.storeFactory().apply(config), options.cacheTtl(),
                scheduler, clock, new StoreEvents());
        this.sink = new UpstreamSink(config.name(), store, status, events, clock);
        this.eventForwarder = eventsConfig.sendEvents() && !options.discardEvents()
                ? new EventForwarder(eventsConfig, config, publisher) : null;
        this.bigSegmentsLink = new BigSegmentsLink(config, main, options, store, scheduler, clock, publisher);
        this.bigSegments = bigSegmentsLink.segments();
        sink.addListener(bigSegmentsLink);
    }

    @Override
    public boolean discardsEvents() {
        return options.discardEvents();
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public EnvironmentConfig config() {
        return config;
    }

    /** The store stack: its data, health, cache and the operator's store operations. */
    public ManagedStore store() {
        return store;
    }

    /** Connects upstream; SDKs get 503 until data arrives or {@code initTimeout} passes. */
    public void start() {
        synchronized (lifecycleLock) {
            if (status.isRunning()) {
                return;
            }
            status.started();
            UpstreamSettings settings = UpstreamSettings.from(main, config.sdkKey())
                    .withInitialReconnectDelay(options.initialReconnectDelay());
            dataSource = options.dataSourceFactory().create(settings, sink);
            initTimer = scheduler.schedule(this::initTimeoutElapsed, Math.max(0, main.initTimeout().toMillis()),
                    TimeUnit.MILLISECONDS);
            LOG.info("[{}] Connecting to upstream {} ({})", name(), main.streamUri(), Secrets.mask(config.sdkKey()));
            dataSource.start();
            bigSegments.start();
        }
    }

    /** Disconnects upstream; SDKs get 503 until started again. Data already stored stays. */
    public void stop() {
        synchronized (lifecycleLock) {
            if (!status.isRunning()) {
                return;
            }
            if (initTimer != null) {
                initTimer.cancel(false);
            }
            DataSource source = dataSource;
            dataSource = null;
            if (source != null) {
                source.close();
            }
            bigSegments.stop(); // no big-segment connection or writes while stopped either
            status.stopped();
            LOG.info("[{}] Stopped", name());
        }
    }

    /** Stops, posts the events still queued (briefly) and releases the store's connections; not restartable. */
    public void close() {
        synchronized (lifecycleLock) {
            stop();
            if (eventForwarder != null) {
                eventForwarder.close();
            }
            bigSegments.close();
            store.close();
        }
    }

    /** Drops the upstream connection and reconnects at once, skipping any backoff. */
    public void reconnectUpstream() {
        DataSource source = dataSource;
        if (source != null) {
            LOG.info("[{}] Reconnecting to upstream on request", name());
            source.restart();
        }
    }

    /**
     * Asks upstream for the full data set again. Completes when it arrives (with what was stored), or fails to
     * arrive within {@code timeout}. Requests made while one is pending share its answer.
     */
    public CompletableFuture<StoreOperationResult> resyncFromUpstream(Duration timeout) {
        long start = System.nanoTime();
        String op = "Resync from upstream";
        if (dataSource == null) {
            return CompletableFuture.completedFuture(StoreOperationResult.failed(op, start, "the environment is stopped"));
        }
        CompletableFuture<StoreOperationResult> result = new CompletableFuture<>();
        result.completeOnTimeout(StoreOperationResult.failed(op, start, "no data from upstream within "
                + timeout.toSeconds() + " s"), timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (sink.addResyncWaiter(result)) {
            reconnectUpstream();
        }
        return result.thenApply(r -> new StoreOperationResult(r.operation(), r.success(), r.items(),
                Duration.ofNanos(System.nanoTime() - start), r.message()));
    }

    private void initTimeoutElapsed() {
        if (status.initTimeoutElapsed()) {
            LOG.warn("[{}] No data from upstream within initTimeout ({} ms); serving what the store has ({})",
                    name(), main.initTimeout().toMillis(), isStoreInitialized() ? "initialized" : "nothing yet");
            store.warmFromStore();
        }
    }

    // ---- ServedEnvironment: what the SDK server reads ----

    @Override
    public boolean isRunning() {
        return status.isRunning();
    }

    @Override
    public Readiness readiness() {
        return status.readiness();
    }

    @Override
    public DataSourceStatus dataSourceStatus() {
        return status.dataSourceStatus();
    }

    @Override
    public StoreStatus storeStatus() {
        return store.status();
    }

    @Override
    public StoreDescription storeDescription() {
        return store.description();
    }

    @Override
    public boolean answersFromMemory() {
        return store.answersFromMemory();
    }

    @Override
    public boolean hasData() {
        return store.isInitialized();
    }

    /** Updates received from upstream since start (a meter reads it). */
    public long updatesReceived() {
        return sink.updatesReceived();
    }

    /** As the default, and the store (or its cache) holds a complete data set, from upstream or from before. */
    @Override
    public boolean canServe() {
        return ServedEnvironment.super.canServe() && isStoreInitialized();
    }

    /** Whether the store holds a complete data set; false also when it cannot be asked. */
    public boolean isStoreInitialized() {
        try {
            return store.isInitialized();
        } catch (StoreException e) {
            return false;
        }
    }

    @Override
    public FullDataSet currentData() {
        return store.getAllData();
    }

    @Override
    public Item item(DataKind kind, String key) {
        return store.get(kind, key);
    }

    @Override
    public Optional<EventForwarder> eventForwarder() {
        return Optional.ofNullable(eventForwarder);
    }

    @Override
    public Optional<BigSegmentStatus> bigSegmentStatus() {
        return bigSegments.inUse();
    }

    @Override
    public BigSegmentMembership bigSegments() {
        return bigSegments;
    }

    @Override
    public void addUpdateListener(UpdateListener listener) {
        sink.addListener(listener);
    }

    @Override
    public void removeUpdateListener(UpdateListener listener) {
        sink.removeListener(listener);
    }

    /** The environment as the console shows it, without store I/O. */
    public EnvironmentSnapshot snapshot() {
        FullDataSet data = store.knownData();
        int flags = data == null ? 0 : data.liveCount(DataKind.FEATURES);
        int segments = data == null ? 0 : data.liveCount(DataKind.SEGMENTS);
        StoreStatus storeStatus = store.status();
        return new EnvironmentSnapshot(name(), Secrets.mask(config.sdkKey()), isRunning(), readiness(),
                dataSourceStatus(), store.description(), storeStatus, store.freshness(),
                storeStatus.available() && data != null, flags, segments, sink.lastUpdate(), sink.updatesReceived(),
                sink.malformedEvents(), connections.count(name()),
                eventForwarder == null ? EventStats.disabled() : eventForwarder.stats())
                .withBigSegments(bigSegments.stats());
    }

    /** Turns what the store stack does into relay events, and its recovery into an upstream resync. */
    private final class StoreEvents implements ManagedStore.Listener {
        @Override
        public void storeAccessed(StoreAccess access) {
            publisher.storeAccessed(access);
        }

        @Override
        public void storeStatusChanged(StoreStatus s) {
            publisher.storeStatusChanged(s);
            bigSegmentsLink.storeMayHaveSwitched();
        }

        @Override
        public void upstreamResyncNeeded() {
            reconnectUpstream();
        }
    }
}
