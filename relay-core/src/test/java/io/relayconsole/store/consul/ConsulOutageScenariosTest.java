package io.relayconsole.store.consul;

import io.relayconsole.acceptance.OutageScenarios;
import io.relayconsole.store.DataStore;
import io.relayconsole.testing.consul.ConsulKvServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The outage scenarios against the Consul KV double (no Consul agent can be installed here). */
class ConsulOutageScenariosTest extends OutageScenarios {
    private static ConsulKvServer consul;

    @BeforeAll
    static void startConsul() {
        consul = ConsulKvServer.startOnFreePort();
    }

    @AfterAll
    static void stopConsul() {
        consul.close();
    }

    @Override
    protected DataStore newStore(String prefix) {
        return new ConsulDataStore(ConsulStoreOptions.builder().url(consul.url()).prefix(prefix).build());
    }

    @Override
    protected void killDatabase() {
        consul.stop();
    }

    @Override
    protected void restartDatabase() {
        consul.start();
    }
}
