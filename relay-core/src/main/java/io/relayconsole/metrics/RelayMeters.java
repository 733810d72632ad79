package io.relayconsole.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.relayconsole.config.MetricsConfig;
import io.relayconsole.serving.ServedEnvironment;
import io.relayconsole.store.StoreObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The relay's one set of meters. The engine records into a composite registry; a Prometheus registry is always
 * part of it (it is also what the console's {@link MeterSnapshot} reads), and an OTLP registry joins it when
 * {@link OtlpSettings} says so. {@code [Prometheus] prefix} renames the {@code launchdarkly.relay} namespace in
 * the Prometheus registry only: OTLP keeps ld-relay v9's names.
 */
public final class RelayMeters implements AutoCloseable {
    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
    private final PrometheusMeterRegistry prometheus;
    private final OtlpMeterRegistry otlp;
    private final SdkMeters sdk;
    private final Map<String, StreamMeters> streams = new ConcurrentHashMap<>();
    private final List<AutoCloseable> binders = new ArrayList<>();

    private RelayMeters(PrometheusMeterRegistry prometheus, OtlpMeterRegistry otlp) {
        this.prometheus = prometheus;
        this.otlp = otlp;
        if (prometheus != null) {
            registry.add(prometheus);
        }
        if (otlp != null) {
            registry.add(otlp);
        }
        this.sdk = new SdkMeters(registry);
    }

    /** Meters as the configuration and the process environment ({@code USE_OTLP}, {@code OTEL_*}) ask. */
    public static RelayMeters create(MetricsConfig config, OtlpSettings otlpSettings) {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        String prefix = config.prometheus().prefix();
        if (prefix != null && !prefix.isBlank()) {
            prometheus.config().meterFilter(renameNamespace(prefix));
        }
        OtlpMeterRegistry otlp = otlpSettings.enabled()
                ? new OtlpMeterRegistry(otlpSettings.config(), Clock.SYSTEM) : null;
        RelayMeters meters = new RelayMeters(prometheus, otlp);
        meters.bindJvm();
        return meters;
    }

    /** With an explicit OTLP configuration (tests point it at their own receiver). */
    public static RelayMeters create(MetricsConfig config, OtlpConfig otlpConfig) {
        RelayMeters meters = create(config, OtlpSettings.off());
        return otlpConfig == null ? meters : meters.withOtlp(new OtlpMeterRegistry(otlpConfig, Clock.SYSTEM));
    }

    /** Records nothing: the benchmark's "metrics off" measures the data path without meters. */
    public static RelayMeters disabled() {
        return new RelayMeters(null, null);
    }

    private RelayMeters withOtlp(OtlpMeterRegistry extra) {
        registry.add(extra);
        binders.add(extra::close);
        return this;
    }

    private void bindJvm() {
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private static MeterFilter renameNamespace(String prefix) {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String name = id.getName();
                return name.startsWith(MeterNames.NAMESPACE + ".")
                        ? id.withName(prefix + name.substring(MeterNames.NAMESPACE.length())) : id;
            }
        };
    }

    private boolean recordsNothing() {
        return prometheus == null && otlp == null;
    }

    /** Where meters are recorded. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter (null when meters are disabled). */
    public String scrape() {
        return prometheus == null ? null : prometheus.scrape();
    }

    public SdkMeters sdk() {
        return sdk;
    }

    /** One environment's fan-out meters, made on first use. */
    public StreamMeters streams(String env) {
        return streams.computeIfAbsent(env, e -> recordsNothing() ? StreamMeters.unregistered()
                : new StreamMeters(registry, e));
    }

    /** One environment's store meters, to attach to its store stack; counts nothing when meters are disabled. */
    public StoreObserver store(String env) {
        return recordsNothing() ? StoreObserver.NONE : new StoreMeters(registry, env);
    }

    /** The relay-wide state gauges; call once with every environment. */
    public void registerRelay(List<? extends ServedEnvironment> environments) {
        EnvironmentGauges.registerRelay(registry, environments);
    }

    /** One environment's state gauges, and its upstream update count. */
    public void registerEnvironment(ServedEnvironment env, LongSupplier updatesReceived) {
        EnvironmentGauges.registerEnvironment(registry, env);
        // The environment, which the relay keeps, is the counter's (weakly held) state object.
        FunctionCounter.builder(MeterNames.UPSTREAM_UPDATES, env, e -> updatesReceived.getAsLong())
                .tag("env", env.name()).description("Updates received from upstream").register(registry);
    }

    /** The values the console shows, read from the same meters the exporters publish. */
    public MeterSnapshot snapshot(List<String> environments) {
        return MeterSnapshot.read(registry, sdk, environments);
    }

    @Override
    public void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                // closing a JVM binder or an exporter cannot fail in a way worth more than carrying on
            }
        }
        if (otlp != null) {
            otlp.close(); // publishes a last time
        }
        registry.close();
    }
}
