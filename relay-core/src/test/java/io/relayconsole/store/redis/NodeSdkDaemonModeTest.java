package io.relayconsole.store.redis;

import io.relayconsole.testing.SdkProcess;

/** The real Node server SDK 9 with {@code @launchdarkly/node-server-sdk-redis} in daemon mode. */
class NodeSdkDaemonModeTest extends DaemonModeReaderContractTest {
    @Override
    protected SdkProcess startReader(int port, String prefix) {
        return SdkProcess.nodeRedisReader(port, prefix);
    }
}
