package io.relayconsole.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The receiving end, as the flag service's events endpoint: the built-in upstream keeps one so that a local
 * development relay shows what the application sends. Counts and summarizes each payload (any schema: it stands
 * for LaunchDarkly, which takes them all) and keeps nothing of its contents. Thread-safe.
 */
public final class EventSink {
    private final Clock clock;
    private final RecentPayloads recent = new RecentPayloads();
    private long received;
    private long refused;
    private long duplicates;
    private Instant lastReceived;
    private final SeenPayloadIds seenPayloadIds = new SeenPayloadIds();

    public EventSink() {
        this(Clock.systemUTC());
    }

    public EventSink(Clock clock) {
        this.clock = clock;
    }

    /** Takes one posted payload (gzip-compressed if its headers say so): 202, or 400/415 for bad input. */
    public Acceptance receive(EventKind kind, byte[] body, Map<String, String> headers) {
        EventHeaders h = new EventHeaders(headers);
        Instant now = clock.instant();
        int bytes = body == null ? 0 : body.length;
        InboundPayload payload;
        try {
            payload = InboundPayload.decode(kind, body, h, 0, false);
        } catch (InboundPayload.Refused e) {
            synchronized (this) {
                refused++;
            }
            recent.add(now, kind, h, bytes, PayloadSummary.none(), RecentPayload.Outcome.REFUSED, e.getMessage());
            return Acceptance.refused(e.status, e.getMessage());
        }
        String id = h.get(EventHeaders.PAYLOAD_ID);
        boolean duplicate;
        synchronized (this) {
            // LaunchDarkly counts a payload ID once; so does the sink, which shows retries as what they are.
            duplicate = !seenPayloadIds.firstTime(id);
            if (duplicate) {
                duplicates++;
            } else {
                received += payload.summary.events();
                lastReceived = now;
            }
        }
        recent.add(now, kind, h, bytes, payload.summary,
                duplicate ? RecentPayload.Outcome.DUPLICATE : RecentPayload.Outcome.RECEIVED, null);
        return Acceptance.ACCEPTED;
    }

    /** Received events and recent payloads; a sink forwards nothing, so the other counts stay 0. */
    public synchronized EventStats stats() {
        return new EventStats(true, null, received, 0, 0, 0, 0, 0, 0, refused, duplicates, null, null,
                lastReceived, recent.snapshot());
    }
}
