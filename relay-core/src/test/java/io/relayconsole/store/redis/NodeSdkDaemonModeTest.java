package io.relayconsole.store.redis;

import io.relayconsole.testing.SdkProcess;
import java.util.Map;

/** The real Node server SDK 9 with {@code @launchdarkly/node-server-sdk-redis} in daemon mode. */
class NodeSdkDaemonModeTest extends DaemonModeReaderContractTest {
    @Override
    protected SdkProcess startReader(int port, String prefix) {
        return SdkProcess.node("node", "redis-daemon-client.mjs", "@launchdarkly/node-server-sdk-redis",
                Map.of("REDIS_PORT", String.valueOf(port), "REDIS_PREFIX", prefix));
    }
}
