package io.relayconsole.cli;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.InMemoryDataStore;
import java.time.Duration;
import java.util.function.Function;

/** Turns the configured database into the store each environment uses. */
final class StoreWiring {
    private StoreWiring() {
    }

    static Duration cacheTtl(RelayConfig config) {
        return Duration.ofSeconds(30);
    }

    static Function<EnvironmentConfig, DataStore> storeFactory(RelayConfig config) {
        if (config.database().isPresent()) {
            throw new IllegalStateException("persistent stores are not available in this build yet");
        }
        return env -> new InMemoryDataStore();
    }
}
