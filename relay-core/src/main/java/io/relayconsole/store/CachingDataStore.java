package io.relayconsole.store;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory cache in front of a persistent store, with the TTL semantics of the relay's documentation:
 * <ul>
 *   <li>positive TTL: data read from (or written to) the store is served from memory for that long, then read
 *       again; while the store is down and the cache has expired, reads fail and SDKs get 503;</li>
 *   <li>zero: every read goes to the store;</li>
 *   <li>negative: cached forever; the store is read once at start-up, and the cache follows every update
 *       even when writing it to the store failed.</li>
 * </ul>
 * Whatever the TTL, the last data the relay knew is kept ({@link #lastKnown()}) so it can be written back when
 * the store returns. Store failures are reported to the {@link StoreStatusTracker}.
 */
public final class CachingDataStore implements DataStore {
    private final DataStore store;
    private final Duration ttl;
    private final Clock clock;
    private final StoreStatusTracker tracker;
    private final Object loadLock = new Object();
    private final Map<String, Instant> itemWrittenAt = new ConcurrentHashMap<>();

    private volatile Cached cached;
    private volatile FullDataSet lastKnown;
    private volatile boolean knownInitialized;
    private final StoreAccess.Listener accessListener;
    private final StoreObserver observer;
    private volatile Cached lastExpired; // the data set last counted as expired, so each expiry counts once

    private record Cached(FullDataSet data, Instant loadedAt) {
    }

    public CachingDataStore(DataStore store, Duration ttl, Clock clock, StoreStatusTracker tracker) {
        this(store, ttl, clock, tracker, StoreAccess.Listener.NONE);
    }

    public CachingDataStore(DataStore store, Duration ttl, Clock clock, StoreStatusTracker tracker,
                            StoreAccess.Listener accessListener) {
        this(store, ttl, clock, tracker, accessListener, StoreObserver.NONE);
    }

    public CachingDataStore(DataStore store, Duration ttl, Clock clock, StoreStatusTracker tracker,
                            StoreAccess.Listener accessListener, StoreObserver observer) {
        this.observer = observer;
        this.accessListener = accessListener;
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
        this.tracker = tracker;
    }

    public DataStore underlying() {
        return store;
    }

    public Duration ttl() {
        return ttl;
    }

    public StoreStatusTracker tracker() {
        return tracker;
    }

    /** The most recent complete data the relay has seen (from upstream or the store), or null. */
    public FullDataSet lastKnown() {
        return lastKnown;
    }

    private boolean cacheForever() {
        return ttl.isNegative();
    }

    private boolean fresh(Cached c) {
        if (c == null || ttl.isZero()) {
            return false;
        }
        return cacheForever() || Duration.between(c.loadedAt(), clock.instant()).compareTo(ttl) < 0;
    }

    @Override
    public void init(FullDataSet data) {
        lastKnown = data;
        int items = data.flags().size() + data.segments().size();
        try {
            tracker.timed(() -> store.init(data));
            knownInitialized = true;
            itemWrittenAt.clear();
            cached = ttl.isZero() ? null : new Cached(data, clock.instant());
            accessListener.onAccess(new StoreAccess(StoreAccess.Operation.WRITE_ALL, false, true, items, null));
        } catch (StoreException e) {
            accessListener.onAccess(new StoreAccess(StoreAccess.Operation.WRITE_ALL, false, false, items,
                    e.getMessage()));
            if (cacheForever()) {
                knownInitialized = true;
                cached = new Cached(data, clock.instant());
            } else {
                cached = null;
            }
            throw e;
        }
    }

    @Override
    public boolean upsert(DataKind kind, Item item) {
        rememberLastKnown(kind, item);
        boolean updated;
        try {
            updated = tracker.timed(() -> store.upsert(kind, item));
            accessListener.onAccess(new StoreAccess(StoreAccess.Operation.WRITE_ITEM, false, true, 1, null));
        } catch (StoreException e) {
            accessListener.onAccess(new StoreAccess(StoreAccess.Operation.WRITE_ITEM, false, false, 1,
                    e.getMessage()));
            if (cacheForever()) {
                cacheItem(kind, item);
            }
            throw e;
        }
        if (updated) {
            cacheItem(kind, item);
        } else {
            // The store holds a newer version (another relay wrote it): refresh our copy from the store.
            Item current = tracker.timed(() -> store.get(kind, item.key()));
            if (current != null) {
                cacheItem(kind, current);
                rememberLastKnown(kind, current);
            }
        }
        return updated;
    }

    private void rememberLastKnown(DataKind kind, Item item) {
        FullDataSet known = lastKnown;
        if (known != null && item.isNewerThan(known.get(kind).get(item.key()))) {
            lastKnown = known.with(kind, item);
        }
    }

    private void cacheItem(DataKind kind, Item item) {
        synchronized (loadLock) {
            Cached c = cached;
            if (c != null && item.isNewerThan(c.data().get(kind).get(item.key()))) {
                // The item joins the cached set without extending its lifetime.
                cached = new Cached(c.data().with(kind, item), c.loadedAt());
                itemWrittenAt.put(kind.namespace() + "/" + item.key(), clock.instant());
            }
        }
    }

    @Override
    public FullDataSet getAllData() {
        Cached c = cached;
        if (fresh(c)) {
            observer.cacheHit();
            accessListener.onAccess(new StoreAccess(StoreAccess.Operation.READ_ALL, true, true, size(c.data()), null));
            return c.data();
        }
        synchronized (loadLock) {
            c = cached;
            if (fresh(c)) {
                // Another request loaded it while this one waited: this one is served from memory.
                observer.cacheHit();
                accessListener.onAccess(new StoreAccess(StoreAccess.Operation.READ_ALL, true, true, size(c.data()),
                        null));
                return c.data();
            }
            countMiss(c);
            FullDataSet data;
            try {
                data = tracker.timed(store::getAllData);
            } catch (StoreException e) {
                accessListener.onAccess(new StoreAccess(StoreAccess.Operation.READ_ALL, false, false, 0,
                        e.getMessage()));
                throw e;
            }
            if (!ttl.isZero()) {
                cached = new Cached(data, clock.instant());
                itemWrittenAt.clear();
            }
            if (lastKnown == null) {
                lastKnown = data;
            }
            // Told once the cache holds the data: whoever reacts to the read (a request sent the moment the
            // timeline shows it) finds the cache fresh instead of waiting for this load.
            accessListener.onAccess(new StoreAccess(StoreAccess.Operation.READ_ALL, false, true, size(data), null));
            return data;
        }
    }

    /** A read going to the store; {@code c} is what was cached, so an expired data set is told apart. */
    private void countMiss(Cached c) {
        observer.cacheMiss();
        if (c != null && !ttl.isZero() && c != lastExpired) {
            lastExpired = c;
            observer.cacheExpired();
        }
    }

    private static int size(FullDataSet data) {
        return data.flags().size() + data.segments().size();
    }

    @Override
    public Map<String, Item> getAll(DataKind kind) {
        return getAllData().get(kind);
    }

    @Override
    public Item get(DataKind kind, String key) {
        Cached c = cached;
        if (fresh(c)) {
            observer.cacheHit();
            return c.data().get(kind).get(key);
        }
        countMiss(c);
        return tracker.timed(() -> store.get(kind, key));
    }

    @Override
    public boolean isInitialized() {
        if (knownInitialized) {
            return true;
        }
        boolean initialized = tracker.timed(store::isInitialized);
        knownInitialized = initialized;
        return initialized;
    }

    /** Forgets the cached answer to "is the store initialized?" so the next call asks the store. */
    public void recheckInitialized() {
        knownInitialized = false;
    }

    /** True while the cache is fresh and the store is known to be initialized: SDKs are served from memory. */
    @Override
    public boolean answersFromMemory() {
        return knownInitialized && fresh(cached);
    }

    @Override
    public boolean isAvailable() {
        return store.isAvailable();
    }

    @Override
    public StoreDescription description() {
        return store.description();
    }

    /** Age of the cached data set against the TTL. */
    public CacheFreshness freshness() {
        Cached c = cached;
        return new CacheFreshness(ttl, c == null ? null : Duration.between(c.loadedAt(), clock.instant()));
    }

    /** Age of one item: the later of the data set's load and the item's own last write. */
    public CacheFreshness freshness(DataKind kind, String key) {
        Cached c = cached;
        if (c == null || !c.data().get(kind).containsKey(key)) {
            return new CacheFreshness(ttl, null);
        }
        Instant written = itemWrittenAt.get(kind.namespace() + "/" + key);
        Instant since = written != null && written.isAfter(c.loadedAt()) ? written : c.loadedAt();
        return new CacheFreshness(ttl, Duration.between(since, clock.instant()));
    }

    /** Drops the cache: the next read goes to the store. */
    public void clearCache() {
        synchronized (loadLock) {
            cached = null;
            itemWrittenAt.clear();
        }
    }

    /** Replaces the cache with {@code data} as if just read, e.g. after writing it back to the store. */
    public void primeCache(FullDataSet data) {
        synchronized (loadLock) {
            lastKnown = data;
            if (!ttl.isZero()) {
                cached = new Cached(data, clock.instant());
                itemWrittenAt.clear();
            }
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
