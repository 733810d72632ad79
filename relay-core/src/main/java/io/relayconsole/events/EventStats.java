package io.relayconsole.events;

import java.time.Instant;
import java.util.List;

/**
 * One environment's event forwarding at one moment, all counts in events (a diagnostic payload is one event).
 * Events received = queued + sending + forwarded + failed + dropped (duplicates and refused payloads are not
 * received). Nothing in it is secret: the destination has any password masked, and no payload contents are kept.
 *
 * @param enabled           whether events are forwarded at all ({@code [Events] sendEvents})
 * @param destination       {@code eventsUri}, credentials masked; null for a sink
 * @param received          events accepted from SDKs
 * @param forwarded         events the flag service accepted
 * @param failed            events lost because delivery failed (after ld-relay's one retry)
 * @param dropped           events refused because the queue was full
 * @param queued            events waiting for the next flush
 * @param sending           events being posted now (or waiting for the retry)
 * @param capacity          the bound on queued plus sending events ({@code [Events] capacity})
 * @param refusedPayloads   payloads answered with an error (malformed, too large, unsupported schema, ...)
 * @param duplicatePayloads payloads whose ID was seen before (SDK retries), not counted twice
 * @param lastError         the last delivery failure, or null
 * @param lastErrorTime     when it happened, or null
 * @param lastDelivery      when the flag service last accepted a payload (for a sink: last received), or null
 * @param recent            the latest payloads, oldest first
 */
public record EventStats(boolean enabled, String destination, long received, long forwarded, long failed,
                         long dropped, int queued, int sending, int capacity, long refusedPayloads,
                         long duplicatePayloads, String lastError, Instant lastErrorTime, Instant lastDelivery,
                         List<RecentPayload> recent) {

    public EventStats {
        recent = List.copyOf(recent);
    }

    /** An environment that does not forward events. */
    public static EventStats disabled() {
        return new EventStats(false, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, List.of());
    }
}
