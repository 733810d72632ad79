package io.relayconsole.store.redis;

import io.relayconsole.acceptance.OutageScenarios;
import io.relayconsole.store.DataStore;
import io.relayconsole.testing.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The outage scenarios on a real redis-server (no persistence: a restart loses everything, as in production). */
class RedisOutageScenariosTest extends OutageScenarios {
    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    protected DataStore newStore(String prefix) {
        return new RedisDataStore(RedisStoreOptions.builder().url(redis.url()).prefix(prefix).build());
    }

    @Override
    protected void killDatabase() {
        redis.kill();
    }

    @Override
    protected void restartDatabase() {
        redis.restart();
    }
}
