package io.relayconsole.store.consul;

import io.relayconsole.acceptance.OutageScenarios;
import io.relayconsole.store.DataStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outage scenarios against the Consul KV double (no Consul agent can be installed here). */
class ConsulOutageScenariosTest extends OutageScenarios {
    @RegisterExtension
    static final ConsulServerExtension consul = new ConsulServerExtension();

    @Override
    protected DataStore newStore(String prefix) {
        return consul.store(prefix);
    }

    @Override
    protected void killDatabase() {
        consul.server().stop();
    }

    @Override
    protected void restartDatabase() {
        consul.server().start();
    }
}
