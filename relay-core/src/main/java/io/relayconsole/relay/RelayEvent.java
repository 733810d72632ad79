package io.relayconsole.relay;

import io.relayconsole.bigsegments.BigSegmentSyncStats;
import io.relayconsole.bigsegments.SyncBatch;
import io.relayconsole.model.DataKind;
import io.relayconsole.serving.Readiness;
import io.relayconsole.serving.RequestRecord;
import io.relayconsole.serving.SdkConnectionInfo;
import io.relayconsole.upstream.DataSourceStatus;
import java.time.Instant;

/** Something that happened in the relay, as listeners (the console, the timeline) receive it. */
public sealed interface RelayEvent {

    Instant time();

    /** The environment it happened in (null for a request refused before any environment was known). */
    String environment();

    /** An environment's upstream connection changed state or recorded an error. */
    record DataSourceStatusChanged(Instant time, String environment, DataSourceStatus status) implements RelayEvent {
    }

    /** A full data set arrived from upstream. */
    record FullDataReceived(Instant time, String environment, int flags, int segments, boolean stored)
            implements RelayEvent {
    }

    /** One item changed upstream; {@code stored} is false when the store kept a newer version or failed. */
    record ItemReceived(Instant time, String environment, DataKind kind, String key, long version, boolean deleted,
                        boolean stored) implements RelayEvent {
    }

    /** A persistent store failed, recovered, or is being refreshed. */
    record StoreStatusChanged(Instant time, String environment, io.relayconsole.store.StoreStatus status)
            implements RelayEvent {
    }

    /** The relay read or wrote its persistent store (or answered a read from the cache). */
    record StoreAccessed(Instant time, String environment, io.relayconsole.store.StoreAccess access)
            implements RelayEvent {
    }

    /** Upstream sent something unusable; it was skipped. */
    record MalformedData(Instant time, String environment, String reason) implements RelayEvent {
    }

    /** An environment started answering, stopped, or had its key rejected. */
    record ReadinessChanged(Instant time, String environment, Readiness readiness) implements RelayEvent {
    }

    record SdkConnected(Instant time, SdkConnectionInfo connection) implements RelayEvent {
        @Override
        public String environment() {
            return connection.environment();
        }
    }

    record SdkDisconnected(Instant time, SdkConnectionInfo connection) implements RelayEvent {
        @Override
        public String environment() {
            return connection.environment();
        }
    }

    /** The flag service accepted {@code events} SDK events the relay forwarded ({@code kind}: server, mobile, ...). */
    record EventsDelivered(Instant time, String environment, io.relayconsole.events.EventKind kind, int events)
            implements RelayEvent {
    }

    /** Forwarded SDK events were lost: the post failed after its retry; {@code error} says why. */
    record EventsFailed(Instant time, String environment, io.relayconsole.events.EventKind kind, int events,
                        String error) implements RelayEvent {
    }

    /** The events queue is full ({@code capacity} events): events are dropped until the next flush empties it. */
    record EventsDropped(Instant time, String environment, int capacity) implements RelayEvent {
    }

    /** A poll answered, or any request refused. */
    record RequestServed(Instant time, RequestRecord request) implements RelayEvent {
        @Override
        public String environment() {
            return request.environment();
        }
    }

    /** A batch of big-segment patches was written to the store (or stopped at an out-of-order patch). */
    record BigSegmentsSynced(Instant time, String environment, SyncBatch batch) implements RelayEvent {
    }

    /** An environment's big-segment synchronizer changed state (polling, streaming, error, unsupported store). */
    record BigSegmentSyncChanged(Instant time, String environment, BigSegmentSyncStats stats) implements RelayEvent {
    }

    /** The built-in upstream's workspace file of an environment was saved, reloaded from disk, or refused. */
    record WorkspaceChanged(Instant time, String environment, io.relayconsole.workspace.WorkspaceEvent change)
            implements RelayEvent {
    }
}
