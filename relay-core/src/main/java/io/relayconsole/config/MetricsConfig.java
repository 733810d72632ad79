package io.relayconsole.config;

import java.util.List;

/** The metrics exporter sections {@code [Prometheus]}, {@code [Datadog]} and {@code [Stackdriver]}. */
public record MetricsConfig(Prometheus prometheus, Datadog datadog, Stackdriver stackdriver) {

    public static final int DEFAULT_PROMETHEUS_PORT = 8031;

    public static MetricsConfig disabled() {
        return new MetricsConfig(new Prometheus(false, DEFAULT_PROMETHEUS_PORT, null),
                new Datadog(false, null, null, List.of(), null), new Stackdriver(false, null, null));
    }

    public boolean anyEnabled() {
        return prometheus.enabled() || datadog.enabled() || stackdriver.enabled();
    }

    public record Prometheus(boolean enabled, int port, String prefix) {
    }

    /** {@code tags} are {@code name:value} strings. */
    public record Datadog(boolean enabled, String statsAddr, String traceAddr, List<String> tags, String prefix) {
        public Datadog {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    public record Stackdriver(boolean enabled, String projectId, String prefix) {
    }
}
