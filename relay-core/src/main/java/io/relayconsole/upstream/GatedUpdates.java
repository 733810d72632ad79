package io.relayconsole.upstream;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Forwards a data source's reports to its {@link DataSourceUpdates} until the source is closed, then drops
 * them, so a connection that is being torn down cannot report after the final OFF. No lock is held while
 * calling out: the receiver may call back into the source (e.g. close it) from inside a callback.
 */
final class GatedUpdates {
    private final DataSourceUpdates target;
    private final AtomicBoolean closed = new AtomicBoolean();

    GatedUpdates(DataSourceUpdates target) {
        this.target = target;
    }

    boolean isClosed() {
        return closed.get();
    }

    boolean init(FullDataSet data) {
        return !closed.get() && target.init(data);
    }

    boolean upsert(DataKind kind, Item item) {
        return !closed.get() && target.upsert(kind, item);
    }

    void status(DataSourceState state, ErrorInfo error) {
        if (!closed.get()) {
            target.updateStatus(state, error);
        }
    }

    void retryScheduled(Instant at, int attempt) {
        if (!closed.get()) {
            target.retryScheduled(at, attempt);
        }
    }

    void malformed(String reason) {
        if (!closed.get()) {
            target.malformedData(reason);
        }
    }

    /** Reports a final state (OFF with the reason) and lets nothing through afterwards. */
    void closeWith(ErrorInfo error) {
        if (closed.compareAndSet(false, true)) {
            target.updateStatus(DataSourceState.OFF, error);
        }
    }
}
