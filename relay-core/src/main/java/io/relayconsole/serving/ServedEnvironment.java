package io.relayconsole.serving;

import io.relayconsole.bigsegments.BigSegmentMembership;
import io.relayconsole.bigsegments.BigSegmentStatus;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.events.EventForwarder;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreException;
import io.relayconsole.store.StoreStatus;
import io.relayconsole.upstream.DataSourceStatus;
import java.util.Optional;

/**
 * What the SDK-facing server needs of one environment: whether it answers, its data as SDKs are served (reads may
 * throw {@link StoreException} when the store cannot answer, and the server answers 503), its health for
 * {@code /status}, and its changes as they arrive.
 */
public interface ServedEnvironment {

    String name();

    EnvironmentConfig config();

    boolean isRunning();

    Readiness readiness();

    DataSourceStatus dataSourceStatus();

    StoreStatus storeStatus();

    StoreDescription storeDescription();

    /** Whether reads are answered from memory now, so a request may be answered on an I/O thread. */
    boolean answersFromMemory();

    /**
     * Whether SDKs would be served data now ({@code /readyz} and its gauge): running, past start-up, and reads
     * answered from memory or a store that answers. Implementations should also require data to exist, which may
     * read a store that has no cache in front of it, so callers must not be I/O threads.
     */
    default boolean canServe() {
        return isRunning() && readiness() == Readiness.READY && (answersFromMemory() || storeStatus().available());
    }

    /** Whether the store holds a complete data set. */
    boolean hasData();

    /** All flags and segments, as served. */
    FullDataSet currentData();

    /** One item, a tombstone, or null if unknown. */
    Item item(DataKind kind, String key);

    /** Where this environment's SDK events go; empty when {@code [Events] sendEvents} is off. */
    Optional<EventForwarder> eventForwarder();

    /** Big-segment membership as the relay's own evaluations read it (the same store the SDKs read). */
    BigSegmentMembership bigSegments();

    /** ld-relay's {@code bigSegmentStatus}; empty unless big segments are in use (in the data, in Redis or DynamoDB). */
    default Optional<BigSegmentStatus> bigSegmentStatus() {
        return Optional.empty();
    }

    /** Offline mode: events are accepted (202) and dropped, as ld-relay does; no forwarder is asked. */
    default boolean discardsEvents() {
        return false;
    }

    void addUpdateListener(UpdateListener listener);

    void removeUpdateListener(UpdateListener listener);
}
