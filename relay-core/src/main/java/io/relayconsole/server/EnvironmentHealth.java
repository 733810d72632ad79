package io.relayconsole.server;

import io.relayconsole.serving.Readiness;
import io.relayconsole.serving.ServedEnvironment;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.DataSourceStatus;
import io.relayconsole.upstream.ErrorInfo;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether an environment counts as connected, ld-relay's rule: it serves data and its upstream has not been
 * out of {@code VALID} for {@code disconnectedStatusTime} or longer. A stopped environment is disconnected
 * but, being the operator's choice, does not make the relay degraded.
 */
record EnvironmentHealth(boolean running, boolean connected, boolean storeAvailable, String reason) {

    static EnvironmentHealth of(ServedEnvironment env, boolean storeAvailable, Duration disconnectedStatusTime,
                                Instant now) {
        if (!env.isRunning()) {
            return new EnvironmentHealth(false, false, storeAvailable, "stopped by the operator");
        }
        DataSourceStatus s = env.dataSourceStatus();
        Readiness readiness = env.readiness();
        boolean connected;
        String reason;
        if (readiness == Readiness.REJECTED) {
            connected = false;
            reason = "upstream rejected the SDK key";
        } else if (s.state() == DataSourceState.VALID) {
            connected = readiness == Readiness.READY;
            reason = connected ? null : "not ready";
        } else if (s.state() == DataSourceState.INTERRUPTED) {
            connected = readiness == Readiness.READY
                    && Duration.between(s.stateSince(), now).compareTo(disconnectedStatusTime) < 0;
            reason = "upstream connection interrupted since " + s.stateSince() + describe(s.lastError());
        } else {
            connected = false;
            reason = "upstream connection " + s.state() + describe(s.lastError());
        }
        if (!storeAvailable) {
            reason = (reason == null ? "" : reason + "; ") + "data store unavailable";
        }
        return new EnvironmentHealth(true, connected, storeAvailable, reason);
    }

    /** Whether this environment makes the relay degraded in {@code /status}. */
    boolean degradesStatus() {
        return running && !connected;
    }

    /** Whether this environment fails the health check: disconnected, or its store cannot be read. */
    boolean failsHealthCheck() {
        return running && (!connected || !storeAvailable);
    }

    private static String describe(ErrorInfo error) {
        return error == null ? "" : " (last error: " + error.kind() + ", " + error.message() + ")";
    }
}
