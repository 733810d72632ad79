package io.relayconsole.app.overview;

import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.serving.Readiness;
import io.relayconsole.upstream.DataSourceState;

/** One line of the environments table, already in words. */
public record EnvironmentRow(String name, String sdkKey, String serving, String upstream, String store, int flags,
                             int segments, int streams, boolean healthy) {

    static EnvironmentRow of(EnvironmentSnapshot s) {
        String serving = switch (s.readiness()) {
            case READY -> "serving";
            case NOT_READY -> s.running() ? "starting (503)" : "stopped (503)";
            case REJECTED -> "key rejected (401)";
        };
        String upstream = s.dataSource().state().name().toLowerCase();
        if (s.dataSource().lastError() != null && s.dataSource().state() != DataSourceState.VALID) {
            upstream += " - " + s.dataSource().lastError().message();
        }
        boolean healthy = s.readiness() == Readiness.READY && s.dataSource().state() == DataSourceState.VALID;
        return new EnvironmentRow(s.name(), s.maskedSdkKey(), serving, upstream, s.store().label(), s.flagCount(),
                s.segmentCount(), s.connectedStreams(), healthy);
    }
}
