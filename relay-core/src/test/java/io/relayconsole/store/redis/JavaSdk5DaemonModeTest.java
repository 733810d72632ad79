package io.relayconsole.store.redis;

import io.relayconsole.testing.SdkProcess;

/**
 * The real Java server SDK 5.10 with {@code launchdarkly-java-server-sdk-redis-store} 2.0 (Jedis) in daemon mode,
 * in its own JVM (see {@link SdkProcess#javaSdk5RedisReader}).
 */
class JavaSdk5DaemonModeTest extends DaemonModeReaderContractTest {
    @Override
    protected SdkProcess startReader(int port, String prefix) {
        return SdkProcess.javaSdk5RedisReader(port, prefix);
    }
}
