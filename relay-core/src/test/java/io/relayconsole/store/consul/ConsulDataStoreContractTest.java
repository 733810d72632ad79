package io.relayconsole.store.consul;

import io.relayconsole.store.DataStore;
import io.relayconsole.store.DataStoreContractTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract against the in-process Consul KV double (no Consul agent can be installed here). */
class ConsulDataStoreContractTest extends DataStoreContractTest {
    @RegisterExtension
    static final ConsulServerExtension consul = new ConsulServerExtension();

    @Override
    protected DataStore createStore(String prefix) {
        return consul.store(prefix);
    }

    @Override
    protected void clearDatabase() {
        consul.server().clear();
    }
}
