package io.relayconsole.bigsegments;

import io.relayconsole.model.Item;
import io.relayconsole.store.DataStore;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The big segments of one environment: which unbounded segments its data holds, and, once it holds one, a
 * {@link BigSegmentSynchronizer} into a store next to the environment's own (Redis or DynamoDB). With any other store
 * it warns once, naming the persistent-storage document's rule, and writes nothing. Its monitor guards only its own
 * fields; store and network I/O happen on the synchronizer's threads, except for {@link #membershipOf}.
 */
public final class EnvironmentBigSegments implements BigSegmentMembership, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentBigSegments.class);
    static final String RULE = "\"If you use Big Segments, you can only use Redis or DynamoDB as a feature store.\"";

    private final String environment;
    private final SyncSettings settings;
    private final Function<DataStore, Optional<BigSegmentStore>> stores;
    private final Supplier<DataStore> currentBackend;
    private final Clock clock;
    private final SyncListener listener;
    private final Map<String, String> refsByKey = new HashMap<>();
    private BigSegmentSynchronizer synchronizer;
    private String unsupported; // the warning, while the data holds big segments the store cannot hold
    private boolean stopped; // the environment is stopped: no synchronizer until it starts again
    private BigSegmentSyncStats lastStats; // the synchronizer's figures when it stopped, shown while stopped
    private boolean closed;

    /**
     * {@code stores} gives the big-segment store beside a backend (empty when it cannot hold big segments);
     * {@code currentBackend} is the environment's backend now.
     */
    public EnvironmentBigSegments(String environment, SyncSettings settings,
                                  Function<DataStore, Optional<BigSegmentStore>> stores,
                                  Supplier<DataStore> currentBackend, Clock clock, SyncListener listener) {
        this.environment = environment;
        this.settings = settings;
        this.stores = stores;
        this.currentBackend = currentBackend;
        this.clock = clock;
        this.listener = listener;
    }

    /** A full data set arrived: these are all its segments. */
    public synchronized void segmentsReplaced(Collection<Item> segments) {
        refsByKey.clear();
        segments.forEach(this::track);
        segmentsChanged();
    }

    /** One segment changed (or was deleted). */
    public synchronized void segmentChanged(Item segment) {
        refsByKey.remove(segment.key());
        track(segment);
        segmentsChanged();
    }

    /** The environment's store was switched: synchronize into the new one from its own cursor, or stop. */
    public synchronized void backendChanged() {
        if (stopped) {
            unsupported = null; // judged again against the new store when the environment starts
            return;
        }
        if (closed || refsByKey.isEmpty()) {
            return;
        }
        Optional<BigSegmentStore> next = stores.apply(currentBackend.get());
        if (synchronizer != null && next.isPresent()) {
            LOG.info("[{}] Big segments now synchronize into {} from its own cursor", environment,
                    next.get().label());
            synchronizer.switchStore(next.get());
            return;
        }
        if (synchronizer != null) {
            synchronizer.close();
            synchronizer = null;
        }
        next.ifPresent(BigSegmentStore::close);
        unsupported = null;
        segmentsChanged();
    }

    /**
     * The environment stopped: its synchronizer stops with it (no upstream connection, no writes); what the store
     * holds stays, and {@link #start} resumes from the store's cursor.
     */
    public synchronized void stop() {
        stopped = true;
        if (synchronizer != null) {
            lastStats = synchronizer.stats(refsByKey.size());
            synchronizer.close();
            synchronizer = null;
        }
    }

    /** The environment started (again): synchronize if the data holds big segments. */
    public synchronized void start() {
        stopped = false;
        segmentsChanged();
    }

    /** Whether big segments are in use: the data holds one and the store can hold them. */
    public synchronized Optional<BigSegmentStatus> inUse() {
        return synchronizer == null ? Optional.empty() : Optional.of(synchronizer.status());
    }

    @Override
    public BigSegmentStatus status() {
        return inUse().orElse(new BigSegmentStatus(false, true, null));
    }

    @Override
    public Map<String, Boolean> membershipOfHash(String contextHash) {
        BigSegmentSynchronizer sync;
        synchronized (this) {
            sync = synchronizer;
        }
        return sync == null ? Map.of() : sync.store().membership(contextHash);
    }

    /** The synchronizer as the console shows it, without I/O. */
    public synchronized BigSegmentSyncStats stats() {
        if (synchronizer != null) {
            return synchronizer.stats(refsByKey.size());
        }
        if (stopped && !refsByKey.isEmpty()) {
            BigSegmentSyncStats last = lastStats == null ? BigSegmentSyncStats.none() : lastStats;
            return new BigSegmentSyncStats(SyncState.STOPPED, last.cursor(), last.lastSynchronizedOn(),
                    last.potentiallyStale(), refsByKey.size(), last.patchesApplied(), last.membershipsWritten(),
                    last.outOfOrderPatches(), last.malformedPatches(), last.lastError(), last.lastErrorTime(),
                    "stopped with the environment");
        }
        if (unsupported != null) {
            return new BigSegmentSyncStats(SyncState.UNSUPPORTED, null, null, false, refsByKey.size(), 0, 0, 0, 0,
                    null, null, unsupported);
        }
        return BigSegmentSyncStats.none();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (synchronizer != null) {
            synchronizer.close();
            synchronizer = null;
        }
    }

    private void track(Item segment) {
        UnboundedSegments.ref(segment).ifPresent(ref -> refsByKey.put(segment.key(), ref));
    }

    private void segmentsChanged() {
        if (closed || stopped || refsByKey.isEmpty()) {
            return;
        }
        if (synchronizer != null) {
            synchronizer.knownSegments(new HashSet<>(refsByKey.values()));
            return;
        }
        if (unsupported != null) {
            return;
        }
        DataStore backend = currentBackend.get();
        Optional<BigSegmentStore> store = stores.apply(backend);
        if (store.isEmpty()) {
            unsupported = "The data holds " + refsByKey.size() + " big segment(s) but the store is "
                    + backend.description().label() + ": the persistent-storage document says " + RULE
                    + " Flags that target them evaluate as if nobody were in them.";
            LOG.warn("[{}] {}", environment, unsupported);
            listener.stateChanged(stats());
            return;
        }
        LOG.info("[{}] The data holds {} big segment(s): synchronizing them into {}", environment, refsByKey.size(),
                store.get().label());
        synchronizer = new BigSegmentSynchronizer(environment, settings, store.get(), clock, listener);
        synchronizer.knownSegments(new HashSet<>(refsByKey.values()));
        synchronizer.start();
    }
}
