package io.relayconsole.offline;

import io.relayconsole.config.Secrets;
import io.relayconsole.upstream.DataSource;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.DataSourceUpdates;
import io.relayconsole.upstream.ErrorInfo;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One environment's "upstream" in offline mode: its part of the archive. Sends the data once at start and again
 * whenever a re-read archive carries a different {@code dataId} (ld-relay's rule); a failed re-read marks the
 * source INTERRUPTED with the reason while the last good data keeps serving.
 */
final class OfflineDataSource implements DataSource {
    private final OfflineMode mode;
    private final String sdkKey;
    private final DataSourceUpdates updates;
    private String deliveredDataId; // guarded by this
    private boolean closed;         // guarded by this

    OfflineDataSource(OfflineMode mode, String sdkKey, DataSourceUpdates updates) {
        this.mode = mode;
        this.sdkKey = sdkKey;
        this.updates = updates;
    }

    @Override
    public CompletableFuture<Boolean> start() {
        ArchiveEnvironment env = mode.environmentForKey(sdkKey);
        if (env == null) {
            updates.updateStatus(DataSourceState.OFF, ErrorInfo.of(ErrorInfo.Kind.UNKNOWN,
                    "the offline archive has no environment with SDK key " + Secrets.mask(sdkKey), Instant.now()));
            return CompletableFuture.completedFuture(false);
        }
        mode.register(sdkKey, this);
        deliver(env, true);
        return CompletableFuture.completedFuture(true);
    }

    /** A newly read archive's version of this environment. */
    void offer(ArchiveEnvironment env) {
        deliver(env, false);
    }

    void reloadFailed(String message) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        updates.updateStatus(DataSourceState.INTERRUPTED,
                ErrorInfo.of(ErrorInfo.Kind.INVALID_DATA, message, Instant.now()));
    }

    private void deliver(ArchiveEnvironment env, boolean always) {
        synchronized (this) {
            if (closed || (!always && env.dataId() != null && Objects.equals(env.dataId(), deliveredDataId))) {
                if (!closed) {
                    updates.updateStatus(DataSourceState.VALID, null); // a good re-read after a failed one
                }
                return;
            }
            deliveredDataId = env.dataId();
            updates.init(env.data());
            updates.updateStatus(DataSourceState.VALID, null);
        }
    }

    /** Reads the archive's current data again (the operator's "reconnect"). */
    @Override
    public void restart() {
        ArchiveEnvironment env = mode.environmentForKey(sdkKey);
        if (env != null) {
            deliver(env, true);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        mode.unregister(sdkKey, this);
        updates.updateStatus(DataSourceState.OFF, null);
    }
}
