package io.relayconsole.server;

/** The server's per-environment state: its cached payloads and its open streams. */
record EnvironmentFeed(PayloadCache payloads, EnvironmentBroadcaster broadcaster) {

    static EnvironmentFeed create() {
        PayloadCache payloads = new PayloadCache();
        return new EnvironmentFeed(payloads, new EnvironmentBroadcaster(payloads));
    }
}
