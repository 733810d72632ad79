package io.relayconsole.store;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One environment's store stack, modelled on the LaunchDarkly SDK's persistent-store wrapper: the backend, the TTL
 * cache in front of it ({@link CachingDataStore}), the {@link StoreStatusTracker} that probes a failed store, the
 * recovery that writes the relay's data back after an outage or a data loss, and the operator's operations
 * (switch, TTL, rewrite, reload, clear). The in-memory store needs neither cache nor tracker.
 *
 * <p>Recovery writes back <em>version-aware</em>: only items newer than what the store holds, so a relay that
 * missed updates never overwrites newer data another relay wrote; the cache then serves what the store holds. With
 * a finite or zero TTL the upstream is also asked for a full resync, as the relay's documentation describes. A store
 * that answers but lost its {@code $inited} marker (a Redis restart without persistence) is repopulated the same way.
 */
public final class ManagedStore implements AutoCloseable {
    static final Duration DATA_LOSS_CHECK_INTERVAL = Duration.ofSeconds(1);
    /**
     * Relays sharing a store notice its loss or return within a probe or two of each other; one that wrote back
     * first looks again this much later for the newer items the others wrote after it.
     */
    static final Duration ADOPT_AFTER_WRITE_BACK = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(ManagedStore.class);

    /** Told what the stack did; called on the thread that did it, must not block. */
    public interface Listener {
        void storeAccessed(StoreAccess access);

        void storeStatusChanged(StoreStatus status);

        /** The store was written back with a finite TTL: the data source should fetch everything again. */
        void upstreamResyncNeeded();
    }

    /** What became of one item from upstream. */
    public enum Write { STORED, NOT_NEWER, FAILED }

    /** The backend, and for a persistent one the cache and tracker in front of it. */
    private record Stack(DataStore backend, CachingDataStore cache, StoreStatusTracker tracker) {
        DataStore reads() {
            return cache != null ? cache : backend;
        }
    }

    private final String environment;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Listener listener;
    private final StoreStatus inMemoryStatus;
    // Orders every write: upstream updates, write-back, switch and TTL change, so none of them loses another's data.
    private final Object writeLock = new Object();
    private final ScheduledFuture<?> dataLossCheck;
    private volatile Stack stack;
    // Every stack (they change on switch and TTL change) reports here, so the meters outlive the stacks.
    private final ObserverSlot observers = new ObserverSlot();
    private volatile boolean storeWasInitialized;

    public ManagedStore(String environment, DataStore backend, Duration ttl, ScheduledExecutorService scheduler,
                        Clock clock, Listener listener) {
        this.environment = environment;
        this.scheduler = scheduler;
        this.clock = clock;
        this.listener = listener;
        this.inMemoryStatus = StoreStatus.availableSince(clock.instant());
        this.stack = stackFor(backend, ttl, null);
        this.dataLossCheck = scheduler.scheduleWithFixedDelay(this::checkForDataLoss,
                DATA_LOSS_CHECK_INTERVAL.toMillis(), DATA_LOSS_CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Stack stackFor(DataStore backend, Duration ttl, StoreStatusTracker keepTracker) {
        if (!backend.description().isPersistent()) {
            return new Stack(backend, null, null);
        }
        StoreStatusTracker tracker = keepTracker;
        if (tracker == null) {
            StoreStatusTracker created = new StoreStatusTracker(backend, scheduler, clock, environment, observers);
            created.addListener(new StoreStatusTracker.Listener() {
                @Override
                public void onStatusChanged(StoreStatus status) {
                    listener.storeStatusChanged(status);
                }

                @Override
                public void onRecovered() {
                    if (stack.tracker() == created) {
                        writeBackAndResync("store available again");
                    }
                }
            });
            tracker = created;
        }
        CachingDataStore cache = new CachingDataStore(backend, ttl, clock, tracker, listener::storeAccessed, observers);
        return new Stack(backend, cache, tracker);
    }

    /** Where to count backend operations and cache hits from now on (the relay's meters). */
    public void observe(StoreObserver observer) {
        observers.set(observer);
    }

    // ---- Upstream's data ----

    /** Stores a full data set; false (logged) when the store failed. The cache keeps it either way. */
    public boolean init(FullDataSet data) {
        synchronized (writeLock) {
            try {
                stack.reads().init(data);
                storeWasInitialized = true;
                return true;
            } catch (StoreException e) {
                LOG.error("[{}] Could not store the full data set: {}", environment, e.getMessage());
                return false;
            }
        }
    }

    public Write upsert(DataKind kind, Item item) {
        synchronized (writeLock) {
            try {
                return stack.reads().upsert(kind, item) ? Write.STORED : Write.NOT_NEWER;
            } catch (StoreException e) {
                LOG.error("[{}] Could not store {} \"{}\": {}", environment, kind.namespace(), item.key(),
                        e.getMessage());
                return Write.FAILED;
            }
        }
    }

    // ---- Reads, as SDKs are served: each may throw StoreException when the store cannot answer ----

    public Item get(DataKind kind, String key) {
        return stack.reads().get(kind, key);
    }

    public FullDataSet getAllData() {
        return stack.reads().getAllData();
    }

    public boolean isInitialized() {
        return stack.reads().isInitialized();
    }

    /** See {@link DataStore#answersFromMemory()}. */
    public boolean answersFromMemory() {
        return stack.reads().answersFromMemory();
    }

    /**
     * The data the relay knows, without store I/O for a persistent store: the last data from upstream or the store,
     * or null before any.
     */
    public FullDataSet knownData() {
        Stack s = stack;
        return s.cache() != null ? s.cache().lastKnown() : s.backend().getAllData();
    }

    public StoreDescription description() {
        return stack.backend().description();
    }

    /** The backend itself, without the cache (e.g. to list a DynamoDB store's dropped items). */
    public DataStore backend() {
        return stack.backend();
    }

    /** The store's health; an in-memory store is always available. */
    public StoreStatus status() {
        Stack s = stack;
        return s.tracker() != null ? s.tracker().status() : inMemoryStatus;
    }

    /** How fresh the cache is; null for the in-memory store. */
    public CacheFreshness freshness() {
        CachingDataStore c = stack.cache();
        return c != null ? c.freshness() : null;
    }

    /** How fresh one cached item is (no store I/O); null for the in-memory store. */
    public CacheFreshness freshness(DataKind kind, String key) {
        CachingDataStore c = stack.cache();
        return c != null ? c.freshness(kind, key) : null;
    }

    /** A cold relay reads its store once initTimeout passes, so the first SDKs are served from memory. */
    public void warmFromStore() {
        Stack s = stack;
        if (s.cache() == null) {
            return;
        }
        try {
            if (s.cache().isInitialized()) {
                s.cache().getAllData();
            }
        } catch (StoreException e) {
            LOG.warn("[{}] Could not read the store after initTimeout: {}", environment, e.getMessage());
        }
    }

    // ---- The operator's operations (the console calls them off the FX thread) ----

    /** Writes everything the relay knows over the store's content. */
    public StoreOperationResult rewriteFromCache() {
        long start = System.nanoTime();
        String op = "Rewrite store from cache";
        synchronized (writeLock) {
            FullDataSet known = knownData();
            if (known == null) {
                return StoreOperationResult.failed(op, start, "the relay has no data yet");
            }
            try {
                stack.reads().init(known);
                storeWasInitialized = true;
            } catch (StoreException e) {
                return StoreOperationResult.failed(op, start, e.getMessage());
            }
            int items = VersionMerge.size(known);
            return StoreOperationResult.ok(op, items, start, "wrote " + items + " item(s) to "
                    + description().label());
        }
    }

    /** Drops the cache and reads everything from the store at once. */
    public StoreOperationResult reloadCache() {
        long start = System.nanoTime();
        String op = "Reload cache from store";
        CachingDataStore c = stack.cache();
        if (c == null) {
            return StoreOperationResult.failed(op, start, "the in-memory store has no separate cache");
        }
        try {
            c.clearCache();
            FullDataSet data = c.getAllData();
            c.primeCache(data);
            int items = VersionMerge.size(data);
            return StoreOperationResult.ok(op, items, start, "read " + items + " item(s) from the store");
        } catch (StoreException e) {
            return StoreOperationResult.failed(op, start, e.getMessage());
        }
    }

    /** Empties the cache: the next SDK request reads the store (and gets 503 if it is down). */
    public StoreOperationResult clearCache() {
        long start = System.nanoTime();
        CachingDataStore c = stack.cache();
        if (c == null) {
            return StoreOperationResult.failed("Clear cache", start, "the in-memory store has no separate cache");
        }
        c.clearCache();
        return StoreOperationResult.ok("Clear cache", 0, start, "the next request reads the store");
    }

    /**
     * Moves to another backend at runtime: it is given the current data, then swapped in, then the old one closed.
     * If the new backend cannot be written, the old one stays and the result says why.
     */
    public StoreOperationResult switchTo(DataStore newBackend, Duration ttl) {
        long start = System.nanoTime();
        String op = "Switch store to " + newBackend.description().label();
        synchronized (writeLock) {
            FullDataSet known = knownData();
            int items = 0;
            try {
                if (known != null && known != FullDataSet.empty()) {
                    newBackend.init(known);
                    items = VersionMerge.size(known);
                }
            } catch (RuntimeException e) {
                newBackend.close();
                LOG.error("[{}] Store switch failed, keeping {}: {}", environment, description().label(),
                        e.getMessage());
                return StoreOperationResult.failed(op, start, e.getMessage());
            }
            Stack old = stack;
            stack = stackFor(newBackend, ttl, null);
            if (stack.cache() != null && known != null) {
                stack.cache().primeCache(known);
                storeWasInitialized = true;
            }
            closeStack(old);
            LOG.info("[{}] Now using {}", environment, description().label());
            listener.storeStatusChanged(status());
            return StoreOperationResult.ok(op, items, start, "copied " + items + " item(s); SDKs stayed connected");
        }
    }

    /**
     * Changes the cache TTL: the same backend and tracker get a new cache that keeps the data the relay knows, so
     * nothing is read or written and a store that is down stays known to be down (with its error).
     */
    public StoreOperationResult setCacheTtl(Duration ttl) {
        long start = System.nanoTime();
        String op = "Set cache TTL";
        synchronized (writeLock) {
            Stack old = stack;
            if (old.cache() == null) {
                return StoreOperationResult.failed(op, start, "the in-memory store has no cache");
            }
            FullDataSet known = old.cache().lastKnown();
            stack = stackFor(old.backend(), ttl, old.tracker());
            if (known != null) {
                stack.cache().primeCache(known);
            }
            LOG.info("[{}] Cache TTL is now {}", environment, describeTtl(ttl));
            listener.storeStatusChanged(status());
            return StoreOperationResult.ok(op, 0, start, "the cache TTL is now " + describeTtl(ttl));
        }
    }

    static String describeTtl(Duration ttl) {
        if (ttl.isNegative()) {
            return "forever";
        }
        return ttl.isZero() ? "0 (no cache)" : ttl.toMillis() % 1000 == 0 ? ttl.toSeconds() + " s" : ttl.toMillis() + " ms";
    }

    // ---- Recovery ----

    private void checkForDataLoss() {
        Stack s = stack;
        if (s.cache() == null || !storeWasInitialized || !s.tracker().status().available()) {
            return;
        }
        try {
            if (!s.backend().isInitialized()) {
                LOG.warn("[{}] The store answers but has lost its data ($inited is gone); repopulating it",
                        environment);
                s.cache().recheckInitialized();
                writeBackAndResync("store lost its data");
            }
        } catch (StoreException e) {
            s.tracker().markUnavailable(e);
        } catch (RuntimeException e) {
            LOG.warn("[{}] Checking the store for lost data failed", environment, e);
        }
    }

    private void writeBackAndResync(String why) {
        Stack s = stack;
        try {
            int written;
            synchronized (writeLock) {
                s = stack;
                written = VersionMerge.writeBack(s.backend(), s.cache());
                storeWasInitialized = true;
            }
            listener.storeAccessed(new StoreAccess(StoreAccess.Operation.WRITE_BACK, false, true, written, null));
            LOG.info("[{}] {}: wrote {} item(s) back to the store", environment, why, written);
        } catch (StoreException e) {
            listener.storeAccessed(new StoreAccess(StoreAccess.Operation.WRITE_BACK, false, false, 0,
                    e.getMessage()));
            s.tracker().markUnavailable(e);
            return;
        }
        if (!s.cache().ttl().isNegative()) {
            listener.upstreamResyncNeeded();
        } else {
            // Cached forever, nothing would ever read the store again: without this second look a relay cut off
            // from upstream would serve its older data over what another relay has just written back.
            Stack written = s;
            scheduler.schedule(() -> adoptNewerItems(written), ADOPT_AFTER_WRITE_BACK.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        listener.storeStatusChanged(status());
    }

    /** A cache-forever relay's second look at the store after a write-back; see {@link VersionMerge#adoptNewer}. */
    private void adoptNewerItems(Stack s) {
        if (stack != s) {
            return;
        }
        try {
            synchronized (writeLock) {
                VersionMerge.Adoption adoption = VersionMerge.adoptNewer(s.backend(), s.cache());
                listener.storeAccessed(new StoreAccess(StoreAccess.Operation.READ_ALL, false, true, adoption.read(),
                        null));
                if (adoption.adopted() > 0) {
                    LOG.info("[{}] Adopted {} newer item(s) another relay wrote to the store", environment,
                            adoption.adopted());
                }
            }
        } catch (StoreException e) {
            s.tracker().markUnavailable(e);
        }
    }

    private static void closeStack(Stack s) {
        if (s.tracker() != null) {
            s.tracker().close();
        }
        s.backend().close();
    }

    @Override
    public void close() {
        dataLossCheck.cancel(false);
        closeStack(stack);
    }
}
