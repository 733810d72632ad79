package io.relayconsole.events;

import java.time.Instant;
import java.util.Map;

/**
 * What the console shows of one payload an SDK sent, without its contents: no context attributes and no
 * keys, only counts.
 *
 * @param sdk         the SDK's {@code X-LaunchDarkly-User-Agent} or {@code User-Agent} (e.g. {@code NodeJSClient/9.13.7})
 * @param wrapper     {@code X-LaunchDarkly-Wrapper}, or null
 * @param schema      {@code X-LaunchDarkly-Event-Schema} (1 when absent, as ld-relay reads it)
 * @param events      how many events the payload held (1 for a diagnostic payload)
 * @param eventKinds  events per {@code kind} field ({@code feature}, {@code summary}, {@code index}, ...)
 * @param evaluations flag evaluations counted by the payload's summary events
 * @param bytes       the payload's size as received (compressed, if it was)
 * @param detail      for a refusal, why; for a partial drop, how many were dropped; otherwise null
 */
public record RecentPayload(Instant time, EventKind kind, String sdk, String wrapper, int schema, int events,
                            Map<String, Integer> eventKinds, long evaluations, int bytes, Outcome outcome,
                            String detail) {

    public RecentPayload {
        eventKinds = Map.copyOf(eventKinds);
    }

    public enum Outcome {
        /** queued for forwarding */
        QUEUED,
        /** some events queued, the rest dropped because the queue was full */
        PARTLY_DROPPED,
        /** every event dropped: the queue was full */
        DROPPED,
        /** refused with an error status (malformed, too large, unsupported schema, ...) */
        REFUSED,
        /** a payload ID seen before (an SDK retry): answered 202, not counted again */
        DUPLICATE,
        /** taken by an event sink (the built-in upstream) */
        RECEIVED
    }
}
