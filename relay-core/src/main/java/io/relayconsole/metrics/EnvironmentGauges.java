package io.relayconsole.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.relayconsole.events.EventStats;
import io.relayconsole.serving.ServedEnvironment;
import io.relayconsole.upstream.DataSourceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Meters read from the environments' own state when scraped (Micrometer holds gauge state weakly, so these hold it
 * strongly; counters are read from environments the relay keeps) (upstream and store state, readiness, events), so the
 * state is counted where it lives and the data path pays nothing. Reading them does no store I/O.
 */
final class EnvironmentGauges {
    private EnvironmentGauges() {
    }

    /** The relay-wide state gauges over every environment. */
    static void registerRelay(MeterRegistry registry, List<? extends ServedEnvironment> environments) {
        Gauge.builder(MeterNames.STATUS, environments,
                        envs -> envs.stream().allMatch(e -> !e.isRunning() || e.canServe()) ? 1 : 0)
                .description("1 when every running environment can serve SDKs (as /readyz), else 0").strongReference(true).register(registry);
        Gauge.builder(MeterNames.ENVIRONMENT_COUNT, environments, List::size)
                .description("Configured environments").strongReference(true).register(registry);
        for (DataSourceState state : DataSourceState.values()) {
            Gauge.builder(MeterNames.CONNECTION_STATE_COUNT, environments,
                            envs -> count(envs, e -> e.dataSourceStatus().state() == state))
                    .tag("state", state.name()).description("Environments per upstream connection state")
                    .strongReference(true).register(registry);
        }
        Gauge.builder(MeterNames.DATASTORE_STATE_COUNT, environments, envs -> count(envs, e -> e.storeStatus().available()))
                .tag("state", "VALID").description("Environments per data store state").strongReference(true).register(registry);
        Gauge.builder(MeterNames.DATASTORE_STATE_COUNT, environments, envs -> count(envs, e -> !e.storeStatus().available()))
                .tag("state", "INTERRUPTED").description("Environments per data store state").strongReference(true).register(registry);
    }

    /** The per-environment gauges and counters. */
    static void registerEnvironment(MeterRegistry registry, ServedEnvironment env) {
        String name = env.name();
        gauge(registry, MeterNames.ENVIRONMENT_READY, env, e -> e.canServe() ? 1 : 0, "1 when it can serve SDKs now");
        gauge(registry, MeterNames.DATASTORE_AVAILABLE, env, e -> e.storeStatus().available() ? 1 : 0,
                "1 while its data store answers");
        Gauge.builder(MeterNames.DATASTORE_LATENCY, env, e -> Math.max(0, e.storeStatus().lastLatencyMillis()) / 1000.0)
                .tag("env", name).baseUnit("seconds").description("Latency of the store's last operation")
                .strongReference(true).register(registry);
        gauge(registry, MeterNames.UPSTREAM_ATTEMPTS, env, e -> e.dataSourceStatus().attempt(),
                "Upstream connection attempts since the last success");
        // Environments without big segments report no value (NaN) rather than a misleading 0.
        gauge(registry, MeterNames.BIG_SEGMENTS_STALE, env, e -> e.bigSegmentStatus()
                .map(b -> b.potentiallyStale() ? 1.0 : 0.0).orElse(Double.NaN), "1 when big segments may be stale");
        Gauge.builder(MeterNames.BIG_SEGMENTS_STALENESS, env, e -> e.bigSegmentStatus()
                        .map(b -> b.lastSynchronizedOn() == null ? Double.POSITIVE_INFINITY
                                : Math.max(0, Duration.between(b.lastSynchronizedOn(), Instant.now()).toMillis() / 1000.0))
                        .orElse(Double.NaN))
                .tag("env", name).baseUnit("seconds").description("Time since big segments were last synchronized")
                .strongReference(true).register(registry);
        counter(registry, MeterNames.EVENTS_RECEIVED, env, EventStats::received, "Events received from SDKs");
        counter(registry, MeterNames.EVENTS_SENT, env, EventStats::forwarded, "Events the flag service accepted");
        counter(registry, MeterNames.EVENTS_FAILED, env, EventStats::failed, "Events lost to failed deliveries");
        counter(registry, MeterNames.EVENTS_DROPPED, env, EventStats::dropped, "Events dropped: queue full");
        gauge(registry, MeterNames.EVENTS_PENDING, env, e -> stats(e).queued() + stats(e).sending(),
                "Events queued or being sent");
    }

    private static void gauge(MeterRegistry registry, String name, ServedEnvironment env,
                              ToDoubleFunction<ServedEnvironment> value, String description) {
        Gauge.builder(name, env, value).tag("env", env.name()).description(description).strongReference(true).register(registry);
    }

    private static void counter(MeterRegistry registry, String name, ServedEnvironment env,
                                ToLongFunction<EventStats> value, String description) {
        FunctionCounter.builder(name, env, e -> value.applyAsLong(stats(e))).tag("env", env.name())
                .description(description).register(registry);
    }

    private static EventStats stats(ServedEnvironment env) {
        return env.eventForwarder().map(f -> f.stats()).orElse(EventStats.disabled());
    }

    private static double count(List<? extends ServedEnvironment> envs, Predicate<ServedEnvironment> p) {
        return envs.stream().filter(p).count();
    }
}
