package io.relayconsole.relay;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.store.CachingDataStore;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.StoreAccess;
import io.relayconsole.store.StoreException;
import io.relayconsole.store.StoreStatus;
import io.relayconsole.store.StoreStatusTracker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a persistent store back in line after it failed or lost its data.
 * <ul>
 *   <li>When the store answers again, the data the relay knows is written back <em>version-aware</em>: only items
 *       newer than what the store holds, so a relay that missed updates never overwrites newer data another relay
 *       wrote. The cache is then reloaded from the store. With a finite or zero TTL the upstream is also asked for
 *       a full resync, as the relay's documentation describes.</li>
 *   <li>A store that answers but has lost its {@code $inited} marker (a Redis restart without persistence) is
 *       repopulated the same way: ld-relay never notices this.</li>
 * </ul>
 */
final class StoreSupervisor implements StoreStatusTracker.Listener, AutoCloseable {
    static final Duration DATA_LOSS_CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(StoreSupervisor.class);

    private final String environment;
    private final CachingDataStore cache;
    private final Runnable requestUpstreamResync;
    private final Runnable onChange;
    private final ScheduledFuture<?> dataLossCheck;
    private final Object updateLock;
    private final StoreAccess.Listener accessListener;
    private volatile boolean storeWasInitialized;

    /** {@code updateLock} is the environment's: held while writing back so no concurrent update is overwritten. */
    StoreSupervisor(String environment, CachingDataStore cache, ScheduledExecutorService scheduler,
                    Object updateLock, StoreAccess.Listener accessListener, Runnable requestUpstreamResync,
                    Runnable onChange) {
        this.environment = environment;
        this.accessListener = accessListener;
        this.updateLock = updateLock;
        this.cache = cache;
        this.requestUpstreamResync = requestUpstreamResync;
        this.onChange = onChange;
        cache.tracker().addListener(this);
        this.dataLossCheck = scheduler.scheduleWithFixedDelay(this::checkForDataLoss,
                DATA_LOSS_CHECK_INTERVAL.toMillis(), DATA_LOSS_CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called after every successful full write, so a later missing marker means data was lost. */
    void storeInitialized() {
        storeWasInitialized = true;
    }

    /** Whether a full write succeeded since this supervisor started (carried over when the cache is rewrapped). */
    boolean storeWasInitialized() {
        return storeWasInitialized;
    }

    @Override
    public void onStatusChanged(StoreStatus status) {
        onChange.run();
    }

    @Override
    public void onRecovered() {
        writeBackAndResync("store available again");
    }

    private void checkForDataLoss() {
        if (!storeWasInitialized || !cache.tracker().status().available()) {
            return;
        }
        try {
            if (!cache.underlying().isInitialized()) {
                LOG.warn("[{}] The store answers but has lost its data ($inited is gone); repopulating it",
                        environment);
                cache.recheckInitialized();
                writeBackAndResync("store lost its data");
            }
        } catch (StoreException e) {
            cache.tracker().markUnavailable(e);
        } catch (RuntimeException e) {
            LOG.warn("[{}] Checking the store for lost data failed", environment, e);
        }
    }

    /** Writes what the relay knows into the store without overwriting newer items; returns the items written. */
    int writeBack() {
        FullDataSet known = cache.lastKnown();
        if (known == null) {
            return 0;
        }
        DataStore store = cache.underlying();
        int written = 0;
        if (!store.isInitialized()) {
            store.init(known);
            written = known.flags().size() + known.segments().size();
        } else {
            for (DataKind kind : DataKind.values()) {
                for (Map.Entry<String, Item> e : known.get(kind).entrySet()) {
                    if (store.upsert(kind, e.getValue())) {
                        written++;
                    }
                }
            }
        }
        storeWasInitialized = true;
        // The store now holds the newest of ours and others' data: serve exactly that.
        cache.primeCache(store.getAllData());
        return written;
    }

    private void writeBackAndResync(String why) {
        try {
            int written;
            synchronized (updateLock) {
                written = writeBack();
            }
            accessListener.onAccess(new StoreAccess(StoreAccess.Operation.WRITE_BACK, false, true, written, null));
            LOG.info("[{}] {}: wrote {} item(s) back to the store", environment, why, written);
        } catch (StoreException e) {
            accessListener.onAccess(new StoreAccess(StoreAccess.Operation.WRITE_BACK, false, false, 0,
                    e.getMessage()));
            cache.tracker().markUnavailable(e);
            return;
        }
        if (!cache.ttl().isNegative()) {
            requestUpstreamResync.run();
        }
        onChange.run();
    }

    @Override
    public void close() {
        dataLossCheck.cancel(false);
        cache.tracker().close();
    }
}
