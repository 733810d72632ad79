package io.relayconsole.server;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.relayconsole.metrics.StreamMeters;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Hands events to many streams with one task per event loop rather than one per stream: 10,000 streams on four
 * loops are four queue hand-offs, not 10,000, and each loop writes its streams back to back. Order per stream is
 * kept: each loop runs its tasks in order.
 */
final class LoopFanOut {
    private LoopFanOut() {
    }

    /**
     * Gives each stream its event; {@code eventFor} returns null to skip one, else a buffer the stream owns. Events
     * (not heartbeats) are counted in {@code meters} once per loop, when given.
     */
    static void deliver(Iterable<SdkStream> streams, Function<SdkStream, ByteBuf> eventFor, boolean countsAsEvent,
                        StreamMeters meters) {
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
                    if (countsAsEvent && meters != null) {
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
}
