package io.relayconsole.relay;

import io.relayconsole.metrics.MeterSnapshot;
import io.relayconsole.serving.Readiness;
import io.relayconsole.serving.SdkConnectionInfo;
import java.time.Instant;
import java.util.List;

/**
 * Everything the console shows, taken at one moment; cheap enough to take several times a second. {@code meters}
 * are the values of the meters the Prometheus and OTLP exporters publish, for counters and charts that must agree
 * with the operator's dashboards.
 */
public record RelaySnapshot(Instant time, int port, List<EnvironmentSnapshot> environments,
                            List<SdkConnectionInfo> connections, long totalConnections, long droppedEvents,
                            MeterSnapshot meters) {

    public RelaySnapshot {
        meters = meters == null ? MeterSnapshot.empty() : meters;
    }

    /** Without meter values. */
    public RelaySnapshot(Instant time, int port, List<EnvironmentSnapshot> environments,
                         List<SdkConnectionInfo> connections, long totalConnections, long droppedEvents) {
        this(time, port, environments, connections, totalConnections, droppedEvents, null);
    }

    /** Healthy when every running environment is ready and its upstream connection is valid. */
    public boolean healthy() {
        return environments.stream().allMatch(e -> !e.running()
                || (e.readiness() == Readiness.READY
                && e.dataSource().state() == io.relayconsole.upstream.DataSourceState.VALID));
    }
}
