package io.relayconsole.config;

import java.net.URI;
import java.time.Duration;

/**
 * The {@code [Events]} section. Event forwarding is not implemented yet; the section is read so that an
 * existing ld-relay configuration loads unchanged. {@code maxInboundPayloadSize} is 0 when unlimited.
 */
public record EventsConfig(boolean sendEvents, URI eventsUri, Duration flushInterval, int capacity,
                           boolean inlineUsers, long maxInboundPayloadSize) {

    public static EventsConfig defaults() {
        return new EventsConfig(false, URI.create("https://events.launchdarkly.com"), Duration.ofSeconds(5), 1000,
                false, 0);
    }
}
