package io.relayconsole.server;

import io.relayconsole.metrics.StreamMeters;

/** The server's per-environment state: its cached payloads and its open streams. */
record EnvironmentFeed(PayloadCache payloads, EnvironmentBroadcaster broadcaster) {

    static EnvironmentFeed create(StreamMeters meters) {
        PayloadCache payloads = new PayloadCache();
        return new EnvironmentFeed(payloads, new EnvironmentBroadcaster(payloads, meters));
    }
}
