package io.relayconsole.metrics;

import io.micrometer.registry.otlp.OtlpConfig;
import java.util.Locale;
import java.util.Map;

/**
 * Whether to export over OTLP, as ld-relay v9 decides: {@code USE_OTLP=true}. Where to and how is the standard
 * OpenTelemetry variables' business ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_METRICS_ENDPOINT},
 * {@code OTEL_EXPORTER_OTLP_HEADERS}, {@code OTEL_SERVICE_NAME}, {@code OTEL_RESOURCE_ATTRIBUTES},
 * {@code OTEL_METRIC_EXPORT_INTERVAL}, ...), which Micrometer's OTLP registry reads itself. Off by default.
 */
public record OtlpSettings(boolean enabled) {

    public static OtlpSettings off() {
        return new OtlpSettings(false);
    }

    /** @throws IllegalArgumentException when {@code USE_OTLP} is set to something that is not a boolean */
    public static OtlpSettings fromEnvironment(Map<String, String> env) {
        String value = env.get("USE_OTLP");
        if (value == null || value.isBlank()) {
            return off();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "t", "yes" -> new OtlpSettings(true);
            case "false", "0", "f", "no" -> off();
            default -> throw new IllegalArgumentException("USE_OTLP: \"" + value + "\" is not a boolean (true or false)");
        };
    }

    /** Micrometer's defaults, which follow the {@code OTEL_*} variables. */
    OtlpConfig config() {
        return key -> null;
    }
}
