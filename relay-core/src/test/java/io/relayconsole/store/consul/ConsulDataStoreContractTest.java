package io.relayconsole.store.consul;

import io.relayconsole.store.DataStore;
import io.relayconsole.store.DataStoreContractTest;
import io.relayconsole.testing.consul.ConsulKvServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract against the in-process Consul KV double (no Consul agent can be installed here). */
class ConsulDataStoreContractTest extends DataStoreContractTest {
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
    protected DataStore createStore(String prefix) {
        return new ConsulDataStore(ConsulStoreOptions.builder().url(consul.url()).prefix(prefix).build());
    }

    @Override
    protected void clearDatabase() {
        consul.clear();
    }
}
