package io.relayconsole.acceptance;

import io.relayconsole.config.DatabaseConfig;
import io.relayconsole.config.RedisConfig;
import io.relayconsole.testing.RedisServerExtension;
import io.relayconsole.testing.SdkProcess;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Daemon mode on a real redis-server, read by the Node server SDK 9 with its Redis store (every context) and by
 * the Java server SDK 5 with its Redis store (SDK 5 knows only users: the single-kind user contexts, as
 * old-style users).
 */
class RedisDaemonModeAcceptanceTest extends DaemonModeAcceptance {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @Override
    protected DatabaseConfig startDatabase() {
        return RedisConfig.of(URI.create(redis.url()));
    }

    @Override
    protected List<ReaderSpec> readers() {
        return List.of(
                new ReaderSpec("Node SDK 9 + Redis", () -> SdkProcess.nodeRedisReader(redis.port(), PREFIX),
                        context -> Optional.of(ContextJson.of(context))),
                new ReaderSpec("Java SDK 5 + Redis", () -> SdkProcess.javaSdk5RedisReader(redis.port(), PREFIX),
                        ContextJson::asOldStyleUser));
    }
}
