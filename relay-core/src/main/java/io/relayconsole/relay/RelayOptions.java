package io.relayconsole.relay;

import io.relayconsole.backends.StoreBackends;
import io.relayconsole.bigsegments.BigSegmentStore;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.metrics.OtlpSettings;
import io.relayconsole.metrics.RelayMeters;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.InMemoryDataStore;
import io.relayconsole.upstream.DataSourceFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a {@link Relay} is assembled, beyond its configuration: where each environment's data lives, how it
 * reaches upstream, and the clock. Immutable; built with {@link #builder()}.
 */
public final class RelayOptions {
    private final DataSourceFactory dataSourceFactory;
    private final Function<EnvironmentConfig, DataStore> storeFactory;
    private final Clock clock;
    private final Duration initialReconnectDelay;
    private final String bindAddress;
    private final Duration cacheTtl;
    private final Function<RelayConfig, RelayMeters> meters;
    private final Function<DataStore, Optional<BigSegmentStore>> bigSegmentStores;
    private final boolean discardEvents;

    private RelayOptions(Builder b) {
        this.meters = b.meters;
        this.bigSegmentStores = b.bigSegmentStores;
        this.discardEvents = b.discardEvents;
        this.cacheTtl = b.cacheTtl;
        this.dataSourceFactory = b.dataSourceFactory;
        this.storeFactory = b.storeFactory;
        this.clock = b.clock;
        this.initialReconnectDelay = b.initialReconnectDelay;
        this.bindAddress = b.bindAddress;
    }

    public static RelayOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public DataSourceFactory dataSourceFactory() {
        return dataSourceFactory;
    }

    public Function<EnvironmentConfig, DataStore> storeFactory() {
        return storeFactory;
    }

    public Clock clock() {
        return clock;
    }

    public Duration initialReconnectDelay() {
        return initialReconnectDelay;
    }

    /** TTL of the cache in front of a persistent store: positive, zero (no cache) or negative (forever). */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** Offline mode: SDK events are answered 202 and dropped, as ld-relay does (no events service to reach). */
    public boolean discardEvents() {
        return discardEvents;
    }

    /**
     * These options with every environment fed by {@code factory} and events discarded: how offline mode runs the
     * relay without an upstream.
     */
    public RelayOptions offline(DataSourceFactory factory) {
        Builder b = new Builder();
        b.dataSourceFactory = factory;
        b.storeFactory = storeFactory;
        b.clock = clock;
        b.initialReconnectDelay = initialReconnectDelay;
        b.bindAddress = bindAddress;
        b.cacheTtl = cacheTtl;
        b.discardEvents = true;
        return b.build();
    }

    /** The address the SDK server binds; null for all interfaces. */
    public String bindAddress() {
        return bindAddress;
    }

    /** Makes the relay's meters from its configuration. */
    public Function<RelayConfig, RelayMeters> meters() {
        return meters;
    }

    /** The big-segment store beside an environment's backend; empty where big segments cannot be stored. */
    public Function<DataStore, Optional<BigSegmentStore>> bigSegmentStores() {
        return bigSegmentStores;
    }

    public static final class Builder {
        private Function<RelayConfig, RelayMeters> meters = c -> RelayMeters.create(c.metrics(), OtlpSettings.off());
        private DataSourceFactory dataSourceFactory = DataSourceFactory.standard();
        private Function<EnvironmentConfig, DataStore> storeFactory = env -> new InMemoryDataStore();
        private Clock clock = Clock.systemUTC();
        private Duration initialReconnectDelay = Duration.ofSeconds(1);
        private String bindAddress;
        private Duration cacheTtl = Duration.ofSeconds(30);
        private Function<DataStore, Optional<BigSegmentStore>> bigSegmentStores = StoreBackends::bigSegmentStore;
        private boolean discardEvents;

        /** See {@link RelayOptions#cacheTtl()}; ld-relay's default is 30 s. */
        public Builder cacheTtl(Duration ttl) {
            this.cacheTtl = ttl;
            return this;
        }

        /** Each environment's store and the cache TTL as the configuration's database section says. */
        public Builder storesFrom(RelayConfig config) {
            this.storeFactory = StoreBackends.forConfig(config);
            this.cacheTtl = StoreBackends.cacheTtl(config);
            return this;
        }

        public Builder dataSourceFactory(DataSourceFactory factory) {
            this.dataSourceFactory = factory;
            return this;
        }

        public Builder storeFactory(Function<EnvironmentConfig, DataStore> factory) {
            this.storeFactory = factory;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** First upstream backoff step; the SDKs use 1 s, demos and tests may shorten it. */
        public Builder initialReconnectDelay(Duration delay) {
            this.initialReconnectDelay = delay;
            return this;
        }

        /**
         * How the relay's meters are made: by default Prometheus-backed, without OTLP; the CLI adds OTLP when
         * {@code USE_OTLP} asks, the benchmark measures {@link RelayMeters#disabled()}.
         */
        public Builder meters(Function<RelayConfig, RelayMeters> factory) {
            this.meters = factory;
            return this;
        }

        public Builder bigSegmentStores(Function<DataStore, Optional<BigSegmentStore>> factory) {
            this.bigSegmentStores = factory;
            return this;
        }

        public Builder bindAddress(String address) {
            this.bindAddress = address;
            return this;
        }

        public RelayOptions build() {
            return new RelayOptions(this);
        }
    }
}
