package io.relayconsole.relay;

import io.relayconsole.serving.Readiness;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.DataSourceStatus;
import io.relayconsole.upstream.ErrorInfo;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An environment's upstream status and readiness, composed from what the data source reports and the environment's
 * lifecycle, and published when they change. Its lock guards composition only: nothing here does I/O.
 */
final class EnvironmentStatus {
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentStatus.class);

    private final String environment;
    private final Clock clock;
    private final RelayEventBus events;
    private final Object lock = new Object();
    private volatile DataSourceStatus status;
    private volatile boolean running;
    private volatile boolean receivedData;
    private volatile boolean initTimedOut;
    private volatile boolean rejected;
    private Readiness lastPublishedReadiness;

    EnvironmentStatus(String environment, Clock clock, RelayEventBus events) {
        this.environment = environment;
        this.clock = clock;
        this.events = events;
        this.status = DataSourceStatus.initializing(clock.instant());
    }

    void started() {
        synchronized (lock) {
            running = true;
            receivedData = false;
            initTimedOut = false;
            rejected = false;
            status = DataSourceStatus.initializing(clock.instant());
            publishStatus();
            publishReadinessIfChanged();
        }
    }

    void stopped() {
        synchronized (lock) {
            running = false;
            set(DataSourceState.OFF, null);
            publishReadinessIfChanged();
        }
    }

    void dataReceived() {
        synchronized (lock) {
            receivedData = true;
            publishReadinessIfChanged();
        }
    }

    /** Notes that initTimeout passed; true if that makes the environment ready without upstream data. */
    boolean initTimeoutElapsed() {
        synchronized (lock) {
            if (receivedData || !running) {
                return false;
            }
            initTimedOut = true;
            publishReadinessIfChanged();
            return true;
        }
    }

    void update(DataSourceState state, ErrorInfo error) {
        synchronized (lock) {
            if (error != null && error.kind() == ErrorInfo.Kind.ERROR_RESPONSE && state == DataSourceState.OFF
                    && !ErrorInfo.isRecoverableStatus(error.statusCode())) {
                rejected = true;
                LOG.error("[{}] Upstream rejected the SDK key ({}); SDKs for this environment now get 401",
                        environment, error.message());
            }
            DataSourceState effective = state;
            if (state == DataSourceState.INTERRUPTED && status.state() == DataSourceState.INITIALIZING) {
                effective = DataSourceState.INITIALIZING; // the SDKs' rule: never valid yet, so still initializing
            }
            set(effective, error);
            publishReadinessIfChanged();
        }
    }

    void retryScheduled(Instant at, int attempt) {
        synchronized (lock) {
            DataSourceStatus s = status;
            status = new DataSourceStatus(s.state(), s.stateSince(), s.lastError(), at, attempt);
            publishStatus();
        }
    }

    boolean isRunning() {
        return running;
    }

    DataSourceStatus dataSourceStatus() {
        return status;
    }

    Readiness readiness() {
        if (!running) {
            return Readiness.NOT_READY;
        }
        if (rejected) {
            return Readiness.REJECTED;
        }
        return receivedData || initTimedOut ? Readiness.READY : Readiness.NOT_READY;
    }

    private void set(DataSourceState state, ErrorInfo error) {
        DataSourceStatus s = status;
        Instant since = state == s.state() ? s.stateSince() : clock.instant();
        ErrorInfo lastError = error != null ? error : s.lastError();
        boolean valid = state == DataSourceState.VALID;
        status = new DataSourceStatus(state, since, lastError, valid ? null : s.nextRetryAt(), valid ? 0 : s.attempt());
        publishStatus();
    }

    private void publishStatus() {
        events.publish(new RelayEvent.DataSourceStatusChanged(clock.instant(), environment, status));
    }

    private void publishReadinessIfChanged() {
        Readiness now = readiness();
        if (now != lastPublishedReadiness) {
            lastPublishedReadiness = now;
            events.publish(new RelayEvent.ReadinessChanged(clock.instant(), environment, now));
        }
    }
}
