package io.relayconsole.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.metrics.StreamMeters;
import io.relayconsole.serving.UpdateListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Fans one environment's changes out to its open streams. Each change is encoded once into one buffer, and
 * every stream gets a retained duplicate of it; the writes happen on each stream's own event loop
 * ({@link LoopFanOut}), so the data source's thread only enqueues.
 */
final class EnvironmentBroadcaster implements UpdateListener {
    private final PayloadCache payloads;
    private final Set<SdkStream> streams = ConcurrentHashMap.newKeySet();
    private final StreamMeters meters;

    EnvironmentBroadcaster(PayloadCache payloads, StreamMeters meters) {
        this.payloads = payloads;
        this.meters = meters;
    }

    void add(SdkStream stream) {
        streams.add(stream);
    }

    void remove(SdkStream stream) {
        streams.remove(stream);
    }

    Set<SdkStream> streams() {
        return streams;
    }

    @Override
    public void onFullData(FullDataSet data) {
        if (streams.isEmpty()) {
            return;
        }
        DataVersionPayloads p = payloads.forData(data);
        fanOut(s -> (s.kind() == StreamKind.ALL ? p.allPutFrame() : p.flagsPutFrame()).view(), true);
    }

    @Override
    public void onItem(DataKind kind, Item item) {
        if (streams.isEmpty()) {
            return;
        }
        ByteBuf all = encode(SseFrames.itemEvent(kind, item));
        ByteBuf legacy = kind == DataKind.FEATURES ? encode(SseFrames.legacyFlagEvent(item)) : null;
        try {
            fanOut(s -> s.kind() == StreamKind.ALL ? all.retainedDuplicate()
                    : legacy != null ? legacy.retainedDuplicate() : null, true);
        } finally {
            all.release();
            if (legacy != null) {
                legacy.release();
            }
        }
    }

    /** A comment line to every stream, so SDKs and load balancers see the connection is alive. */
    void heartbeat() {
        if (streams.isEmpty()) {
            return;
        }
        ByteBuf beat = encode(SseFrames.HEARTBEAT);
        try {
            fanOut(s -> beat.retainedDuplicate(), false);
        } finally {
            beat.release();
        }
    }

    private void fanOut(Function<SdkStream, ByteBuf> eventFor, boolean countsAsEvent) {
        LoopFanOut.deliver(streams, eventFor, countsAsEvent, meters);
    }

    private static ByteBuf encode(byte[] frame) {
        return Unpooled.directBuffer(frame.length, frame.length).writeBytes(frame);
    }
}
