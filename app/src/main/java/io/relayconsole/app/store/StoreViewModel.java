package io.relayconsole.app.store;

import io.relayconsole.app.ui.Formats;
import io.relayconsole.app.ui.RingBuffer;
import io.relayconsole.bigsegments.BigSegmentSyncStats;
import io.relayconsole.bigsegments.SyncState;
import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.store.StoreStatus;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The store screen's state: the store's health in words, the latency history, the TTL edit, busy and result. */
public final class StoreViewModel {

    private final StoreForm form = new StoreForm();
    private final RingBuffer latency = new RingBuffer(120);
    private final ReadOnlyStringWrapper backendLabel = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("—");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper since = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper("none");
    private final ReadOnlyStringWrapper latencyText = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper currentTtl = new ReadOnlyStringWrapper("");
    private final StringProperty ttlText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper formProblems = new ReadOnlyStringWrapper("");
    private final BigSegmentsModel bigSegments = new BigSegmentsModel();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty result = new SimpleStringProperty("");
    private String environment;

    public StoreViewModel() {
        form.backend.addListener((obs, old, b) -> checkForm());
        for (StringProperty p : new StringProperty[] {form.redisUrl, form.redisHost, form.redisPort,
                form.redisPrefix, form.redisSentinelMaster, form.dynamoTable, form.dynamoEndpoint,
                form.consulUrl, form.consulPrefix}) {
            p.addListener((obs, old, v) -> checkForm());
        }
        form.redisCluster.addListener((obs, old, v) -> checkForm());
    }

    /** Applies one snapshot of the selected environment; {@code sample} adds a latency point (false when hidden). */
    public void apply(EnvironmentSnapshot env, boolean sample) {
        if (!env.name().equals(environment)) {
            environment = env.name();
            ttlText.set(env.cache() == null ? "" : TtlText.format(env.cache().ttl()));
        }
        StoreStatus s = env.storeStatus();
        backendLabel.set(env.store().label());
        available.set(s.available());
        state.set(s.refreshing() ? "available, refreshing its data" : s.available() ? "available" : "unavailable");
        since.set(s.since() == null ? ""
                : "since " + Formats.clock(s.since()) + " (" + Formats.ago(s.since(), Instant.now()) + ")");
        lastError.set(s.lastError() == null ? "none"
                : s.lastError() + (s.lastErrorTime() == null ? "" : " at " + Formats.clock(s.lastErrorTime())));
        latencyText.set(s.lastLatencyMillis() < 0 ? "no operation yet"
                : String.format("%.1f ms (last operation)", s.lastLatencyMillis()));
        currentTtl.set(env.cache() == null ? "in-memory store: no cache" : "cache TTL " + describe(env.cache().ttl()));
        if (sample && s.lastLatencyMillis() >= 0) {
            latency.add(s.lastLatencyMillis());
        }
        bigSegments.apply(env.bigSegments(), Instant.now());
    }

    /** The environment's big-segment synchronizer in words. */
    public BigSegmentsModel bigSegments() {
        return bigSegments;
    }

    /** The big-segment synchronizer's state, cursor, freshness, counts and last error, as the screen shows them. */
    public static final class BigSegmentsModel {
        private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("no big segments in the data");
        private final ReadOnlyStringWrapper cursor = new ReadOnlyStringWrapper("—");
        private final ReadOnlyStringWrapper synchronizedOn = new ReadOnlyStringWrapper("—");
        private final ReadOnlyStringWrapper written = new ReadOnlyStringWrapper("—");
        private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper("none");

        void apply(BigSegmentSyncStats b, Instant now) {
            state.set(switch (b.state()) {
                case IDLE -> b.segments() == 0 ? "no big segments in the data" : "idle";
                case POLLING -> "polling upstream for revisions";
                case STREAMING -> "streaming: up to date";
                case ERROR -> "error: retrying";
                case STOPPED -> "stopped with the environment";
                case UNSUPPORTED -> "not synchronized: " + b.message();
            });
            cursor.set(b.cursor() == null ? "—" : b.cursor());
            // Nothing is synchronized into a store that cannot hold big segments: no time to show, nothing stale.
            boolean synchronizes = b.segments() > 0 && b.state() != SyncState.UNSUPPORTED;
            synchronizedOn.set(b.lastSynchronizedOn() == null ? (synchronizes ? "never (stale)" : "—")
                    : Formats.clock(b.lastSynchronizedOn()) + " (" + Formats.ago(b.lastSynchronizedOn(), now) + ")"
                    + (b.potentiallyStale() ? ", potentially stale" : ", fresh"));
            written.set(b.segments() + " segment(s); " + b.patchesApplied() + " patch(es), "
                    + b.membershipsWritten() + " membership change(s) written; " + b.outOfOrderPatches()
                    + " out of order, " + b.malformedPatches() + " malformed");
            lastError.set(b.lastError() == null ? "none" : b.lastError()
                    + (b.lastErrorTime() == null ? "" : " at " + Formats.clock(b.lastErrorTime())));
        }

        public ReadOnlyStringProperty stateProperty() {
            return state.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty cursorProperty() {
            return cursor.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty synchronizedOnProperty() {
            return synchronizedOn.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty writtenProperty() {
            return written.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty lastErrorProperty() {
            return lastError.getReadOnlyProperty();
        }
    }

    static String describe(Duration ttl) {
        return ttl.isNegative() ? "forever" : ttl.isZero() ? "0 (every read goes to the store)" : TtlText.format(ttl);
    }

    private void checkForm() {
        formProblems.set(String.join("\n", form.validate()));
    }

    /** The TTL typed in, or null with the reason in {@link #resultProperty()}. */
    public Duration parsedTtl() {
        try {
            return TtlText.parse(ttlText.get());
        } catch (IllegalArgumentException e) {
            result.set(e.getMessage());
            return null;
        }
    }

    public String environment() {
        return environment;
    }

    public StoreForm form() {
        return form;
    }

    public RingBuffer latency() {
        return latency;
    }

    public ReadOnlyStringProperty backendLabelProperty() {
        return backendLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sinceProperty() {
        return since.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty latencyTextProperty() {
        return latencyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentTtlProperty() {
        return currentTtl.getReadOnlyProperty();
    }

    public StringProperty ttlTextProperty() {
        return ttlText;
    }

    /** The form's problems, one per line; empty when the form is usable. */
    public ReadOnlyStringProperty formProblemsProperty() {
        return formProblems.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty resultProperty() {
        return result;
    }
}
