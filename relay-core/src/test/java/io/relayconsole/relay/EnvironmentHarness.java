package io.relayconsole.relay;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.EventsConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.serving.SdkConnections;
import io.relayconsole.serving.ServingListener;
import io.relayconsole.store.DataStore;
import io.relayconsole.testing.ManualDataSource;
import io.relayconsole.upstream.DataSourceUpdates;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** One started environment over a given store, fed by a test-driven data source. */
final class EnvironmentHarness implements AutoCloseable {
    static final String SDK_KEY = "sdk-prod-key-00001";

    final ManualDataSource.Factory sources = new ManualDataSource.Factory();
    final RelayEventBus bus = new RelayEventBus();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final RelayEnvironment env;

    EnvironmentHarness(Duration initTimeout, Duration cacheTtl, Clock clock, DataStore store) {
        MainConfig main = MainConfig.defaults().withTimings(initTimeout, Duration.ofMinutes(3));
        RelayOptions options = RelayOptions.builder().dataSourceFactory(sources).storeFactory(e -> store)
                .cacheTtl(cacheTtl).clock(clock).build();
        SdkConnections connections = new SdkConnections(clock, ServingListener.NONE);
        env = new RelayEnvironment(EnvironmentConfig.of("prod", SDK_KEY), main, EventsConfig.defaults(), options, scheduler,
                bus, connections);
        env.start();
    }

    DataSourceUpdates upstream() {
        return sources.updates(SDK_KEY);
    }

    ManualDataSource source() {
        return sources.source(SDK_KEY);
    }

    @Override
    public void close() {
        env.close();
        scheduler.shutdownNow();
        bus.close();
    }
}
