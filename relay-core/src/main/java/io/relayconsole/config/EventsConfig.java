package io.relayconsole.config;

import java.net.URI;
import java.time.Duration;

/**
 * The {@code [Events]} section (reference §6.2): whether SDK analytics events are forwarded to
 * {@code eventsUri}, how often the queue is flushed and how many events it holds. {@code maxInboundPayloadSize}
 * is 0 when unlimited. {@code inlineUsers} is read for compatibility only; ld-relay v8 does not act on it either.
 */
public record EventsConfig(boolean sendEvents, URI eventsUri, Duration flushInterval, int capacity,
                           boolean inlineUsers, long maxInboundPayloadSize) {

    public static final URI DEFAULT_EVENTS_URI = URI.create("https://events.launchdarkly.com");

    public static EventsConfig defaults() {
        return new EventsConfig(false, DEFAULT_EVENTS_URI, Duration.ofSeconds(5), 1000, false, 0);
    }

    public EventsConfig withSendEvents(boolean send) {
        return new EventsConfig(send, eventsUri, flushInterval, capacity, inlineUsers, maxInboundPayloadSize);
    }

    public EventsConfig withEventsUri(URI uri) {
        return new EventsConfig(sendEvents, uri, flushInterval, capacity, inlineUsers, maxInboundPayloadSize);
    }
}
