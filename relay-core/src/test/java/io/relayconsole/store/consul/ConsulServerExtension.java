package io.relayconsole.store.consul;

import io.relayconsole.store.DataStore;
import io.relayconsole.testing.ServerPerClassExtension;
import io.relayconsole.demo.consul.ConsulKvServer;

/**
 * One Consul KV double for a whole test class, and stores on it: {@code @RegisterExtension static final
 * ConsulServerExtension consul = new ConsulServerExtension();} starts it before the first test, stops it after
 * the last.
 */
final class ConsulServerExtension extends ServerPerClassExtension<ConsulKvServer> {

    ConsulServerExtension() {
        super("the Consul double", ConsulKvServer::startOnFreePort);
    }

    /** A store on the double over {@code prefix}, as a relay environment would open it. */
    DataStore store(String prefix) {
        return new ConsulDataStore(ConsulStoreOptions.builder().url(server().url()).prefix(prefix).build());
    }
}
