package io.relayconsole.config;

import java.time.Duration;

/**
 * ld-relay's {@code [OfflineMode]}: {@code fileDataSource} ({@code FILE_DATA_SOURCE}) is an offline archive whose
 * environments the relay serves with no upstream connection; it is checked for changes every
 * {@code fileDataSourceMonitoringInterval} (1 s by default, at least 100 ms). {@code fileDataSource} null = off.
 */
public record OfflineConfig(String fileDataSource, Duration monitoringInterval) {
    public static final Duration DEFAULT_MONITORING_INTERVAL = Duration.ofSeconds(1);

    public OfflineConfig {
        monitoringInterval = monitoringInterval == null ? DEFAULT_MONITORING_INTERVAL : monitoringInterval;
    }

    public static OfflineConfig disabled() {
        return new OfflineConfig(null, null);
    }

    public boolean enabled() {
        return fileDataSource != null && !fileDataSource.isBlank();
    }
}
