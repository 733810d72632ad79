package io.relayconsole.server;

import io.relayconsole.relay.Relay;

/** PLACEHOLDER: the SDK-facing Netty server; to be implemented. */
public final class SdkServer implements AutoCloseable {
    private final Relay relay;

    public SdkServer(Relay relay) {
        this.relay = relay;
    }

    /** Binds and returns the bound port. {@code bindAddress} null means all interfaces. */
    public int start(String bindAddress, int port) throws InterruptedException {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
