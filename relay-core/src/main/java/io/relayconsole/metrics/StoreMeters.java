package io.relayconsole.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.relayconsole.store.StoreObserver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One environment's store meters: every backend round trip in a histogram with fixed buckets (so a slow Redis
 * shows as a shifted distribution in Grafana, with a bounded number of series), its failures, and the cache's hits,
 * misses and expirations. Tagged by environment only: never by key or operation argument.
 */
final class StoreMeters implements StoreObserver {
    /** From a local Redis (sub-millisecond) to a store timing out (the backends' timeouts are a few seconds). */
    private static final Duration[] BUCKETS = {
        Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final Timer operations;
    private final Counter errors;
    private final Counter hits;
    private final Counter misses;
    private final Counter expirations;

    StoreMeters(MeterRegistry registry, String env) {
        operations = Timer.builder(MeterNames.DATASTORE_OPERATION_DURATION).tag("env", env)
                .serviceLevelObjectives(BUCKETS)
                .description("Round trips to the persistent store, failed ones included").register(registry);
        errors = counter(registry, MeterNames.DATASTORE_ERRORS, env, "Store operations that failed");
        hits = counter(registry, MeterNames.CACHE_HITS, env, "Reads answered from the store's cache");
        misses = counter(registry, MeterNames.CACHE_MISSES, env, "Reads that went to the store");
        expirations = counter(registry, MeterNames.CACHE_EXPIRATIONS, env, "Cached data sets found past their TTL");
    }

    private static Counter counter(MeterRegistry registry, String name, String env, String description) {
        return Counter.builder(name).tag("env", env).description(description).register(registry);
    }

    @Override
    public void operation(long nanos, boolean failed) {
        operations.record(nanos, TimeUnit.NANOSECONDS);
        if (failed) {
            errors.increment();
        }
    }

    @Override
    public void cacheHit() {
        hits.increment();
    }

    @Override
    public void cacheMiss() {
        misses.increment();
    }

    @Override
    public void cacheExpired() {
        expirations.increment();
    }
}
