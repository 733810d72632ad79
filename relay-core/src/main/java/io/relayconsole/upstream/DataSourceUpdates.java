package io.relayconsole.upstream;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import java.time.Instant;

/**
 * Where a data source delivers what it receives (the SDKs' "data source update sink"). Called from the
 * source's own thread; implementations must not block for long.
 */
public interface DataSourceUpdates {

    /** A full data set ({@code put} or a poll). Returns false if it could not be stored. */
    boolean init(FullDataSet data);

    /** One changed or deleted item ({@code patch} / {@code delete}). Returns false if it could not be stored. */
    boolean upsert(DataKind kind, Item item);

    /**
     * A state change. {@code error} is null when nothing went wrong. A source reports INTERRUPTED for a failed
     * connection even before it was ever valid; the receiver keeps INITIALIZING in that case, as the SDKs do.
     */
    void updateStatus(DataSourceState state, ErrorInfo error);

    /** The source will try again at {@code at}; {@code attempt} counts consecutive failed attempts. */
    void retryScheduled(Instant at, int attempt);

    /** Upstream sent something unusable (bad JSON, no key or version, unknown path, oversized line). */
    void malformedData(String reason);
}
