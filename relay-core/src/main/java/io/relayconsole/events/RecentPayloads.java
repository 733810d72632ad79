package io.relayconsole.events;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The short ring of payload summaries a console view lists; the oldest falls out. Thread-safe. */
final class RecentPayloads {
    static final int SIZE = 50;

    private final Deque<RecentPayload> ring = new ArrayDeque<>(SIZE);

    void add(Instant time, EventKind kind, EventHeaders headers, int bytes, PayloadSummary summary,
             RecentPayload.Outcome outcome, String detail) {
        RecentPayload p = new RecentPayload(time, kind, headers.sdk(), headers.get(EventHeaders.WRAPPER),
                headers.schema(), summary.events(), summary.eventKinds(), summary.evaluations(), bytes, outcome,
                detail);
        synchronized (ring) {
            if (ring.size() == SIZE) {
                ring.removeFirst();
            }
            ring.addLast(p);
        }
    }

    List<RecentPayload> snapshot() {
        synchronized (ring) {
            return List.copyOf(ring);
        }
    }
}
