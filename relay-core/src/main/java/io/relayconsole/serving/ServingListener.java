package io.relayconsole.serving;

/**
 * Told what the SDK-facing server did: streams opened and closed, requests answered or refused. The relay turns
 * these into its observable events; called on I/O threads, so implementations must not block.
 */
public interface ServingListener {
    ServingListener NONE = new ServingListener() {
        @Override
        public void sdkConnected(SdkConnectionInfo connection) {
        }

        @Override
        public void sdkDisconnected(SdkConnectionInfo connection) {
        }

        @Override
        public void requestServed(RequestRecord request) {
        }
    };

    void sdkConnected(SdkConnectionInfo connection);

    void sdkDisconnected(SdkConnectionInfo connection);

    void requestServed(RequestRecord request);
}
