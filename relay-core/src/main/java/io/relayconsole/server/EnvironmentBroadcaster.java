package io.relayconsole.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.metrics.StreamMeters;
import io.relayconsole.serving.UpdateListener;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Fans one environment's changes out to its open streams. Each change is encoded once into one buffer, and
 * every stream gets a retained duplicate of it; the writes happen on each stream's own event loop (one task
 * per loop for all its streams), so the data source's thread only enqueues.
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

    /**
     * Gives each stream its event ({@code eventFor} returns null to skip one), with one task per event loop
     * rather than one per stream: 10,000 streams on four loops are four queue hand-offs, not 10,000, and each
     * loop writes its streams back to back. Order per stream is kept: each loop runs its tasks in order.
     */
    private void fanOut(Function<SdkStream, ByteBuf> eventFor, boolean countsAsEvent) {
        long started = System.nanoTime();
        Map<EventExecutor, List<Delivery>> byLoop = new IdentityHashMap<>();
        for (SdkStream s : streams) {
            ByteBuf event = eventFor.apply(s);
            if (event != null) {
                byLoop.computeIfAbsent(s.channel().eventLoop(), l -> new ArrayList<>()).add(new Delivery(s, event));
            }
        }
        for (Map.Entry<EventExecutor, List<Delivery>> loop : byLoop.entrySet()) {
            List<Delivery> deliveries = loop.getValue();
            try {
                loop.getKey().execute(() -> {
                    long bytes = 0;
                    for (Delivery d : deliveries) {
                        bytes += d.event.readableBytes(); // read before delivery, which may release it
                        d.stream.deliverOnLoop(d.event, countsAsEvent);
                    }
                    if (countsAsEvent) {
                        meters.delivered(deliveries.size(), bytes, System.nanoTime() - started);
                    }
                });
            } catch (RejectedExecutionException e) {
                deliveries.forEach(d -> d.event.release()); // shutting down: the events have nowhere to go
            }
        }
    }

    private record Delivery(SdkStream stream, ByteBuf event) {
    }

    private static ByteBuf encode(byte[] frame) {
        return Unpooled.directBuffer(frame.length, frame.length).writeBytes(frame);
    }
}
