package io.relayconsole.store.redis;

import io.relayconsole.acceptance.OutageScenarios;
import io.relayconsole.store.DataStore;
import io.relayconsole.testing.RedisServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outage scenarios on a real redis-server (no persistence: a restart loses everything, as in production). */
class RedisOutageScenariosTest extends OutageScenarios {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

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
