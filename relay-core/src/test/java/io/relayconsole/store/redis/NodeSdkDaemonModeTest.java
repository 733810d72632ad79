package io.relayconsole.store.redis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The real Node server SDK 9 with {@code @launchdarkly/node-server-sdk-redis} in daemon mode. */
class NodeSdkDaemonModeTest extends DaemonModeReaderContractTest {
    private static final Path NODE_DIR = Path.of("src/test/node");

    @Override
    protected DaemonModeReader startReader(int port, String prefix) {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/@launchdarkly/node-server-sdk-redis"))) {
            throw new AssertionError("The Node SDK packages are not installed: run ./test, or npm ci in relay-core/src/test/node");
        }
        return DaemonModeReader.start(List.of("node", "redis-daemon-client.mjs"), NODE_DIR,
                Map.of("REDIS_PORT", String.valueOf(port), "REDIS_PREFIX", prefix));
    }
}
