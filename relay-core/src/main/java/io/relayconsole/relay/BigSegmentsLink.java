package io.relayconsole.relay;

import io.relayconsole.bigsegments.EnvironmentBigSegments;
import io.relayconsole.bigsegments.SyncListener;
import io.relayconsole.bigsegments.SyncSettings;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.serving.UpdateListener;
import io.relayconsole.store.ManagedStore;
import io.relayconsole.upstream.RelayVersion;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Connects an environment's big segments to the rest of it: tells them which unbounded segments the data holds
 * (they start synchronizing at the first) and moves them along when the store stack switches backends.
 */
final class BigSegmentsLink implements UpdateListener {
    private final EnvironmentBigSegments bigSegments;
    private final ManagedStore store;
    private final ScheduledExecutorService scheduler;
    private volatile Object backend; // the backend big segments were last set up beside

    BigSegmentsLink(EnvironmentConfig config, MainConfig main, RelayOptions options, ManagedStore store,
                    ScheduledExecutorService scheduler, Clock clock, SyncListener listener) {
        this.store = store;
        this.scheduler = scheduler;
        this.bigSegments = new EnvironmentBigSegments(config.name(), new SyncSettings(main.baseUri(),
                main.streamUri(), config.sdkKey(), RelayVersion.userAgent(), options.initialReconnectDelay(),
                SyncSettings.IDLE_REFRESH_INTERVAL, SyncSettings.STATUS_CHECK_INTERVAL,
                main.bigSegmentsStaleThreshold()), options.bigSegmentStores(), store::backend, clock, listener);
        this.backend = store.backend();
    }

    EnvironmentBigSegments segments() {
        return bigSegments;
    }

    @Override
    public void onFullData(FullDataSet data) {
        bigSegments.segmentsReplaced(data.segments().values());
    }

    @Override
    public void onItem(DataKind kind, Item item) {
        if (kind == DataKind.SEGMENTS) {
            bigSegments.segmentChanged(item);
        }
    }

    /** After a store status change: a runtime switch moves the big segments along, off the caller's (locked) thread. */
    void storeMayHaveSwitched() {
        Object now = store.backend();
        if (now != backend) {
            backend = now;
            scheduler.execute(bigSegments::backendChanged);
        }
    }
}
