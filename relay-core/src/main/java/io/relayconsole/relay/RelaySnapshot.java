package io.relayconsole.relay;

import io.relayconsole.serving.Readiness;
import io.relayconsole.serving.SdkConnectionInfo;
import java.time.Instant;
import java.util.List;

/** Everything the console shows, taken at one moment; cheap enough to take several times a second. */
public record RelaySnapshot(Instant time, int port, List<EnvironmentSnapshot> environments,
                            List<SdkConnectionInfo> connections, long totalConnections, long droppedEvents) {

    /** Healthy when every running environment is ready and its upstream connection is valid. */
    public boolean healthy() {
        return environments.stream().allMatch(e -> !e.running()
                || (e.readiness() == Readiness.READY
                && e.dataSource().state() == io.relayconsole.upstream.DataSourceState.VALID));
    }
}
