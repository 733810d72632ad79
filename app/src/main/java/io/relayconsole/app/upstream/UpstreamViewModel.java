package io.relayconsole.app.upstream;

import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.DataSourceStatus;
import io.relayconsole.upstream.ErrorInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The upstream connection of the selected environment, in words; the countdown ticks with {@link #tick}. */
public final class UpstreamViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("—");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper since = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper("none");
    private final ReadOnlyStringWrapper attempts = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper("no retry scheduled");
    private Instant nextRetryAt;

    public void apply(EnvironmentSnapshot env, Instant now) {
        DataSourceStatus s = env.dataSource();
        state.set(describe(s.state()));
        valid.set(s.state() == DataSourceState.VALID);
        since.set(s.stateSince() == null ? "" : "since " + TIME.format(s.stateSince()));
        ErrorInfo e = s.lastError();
        lastError.set(e == null ? "none" : e.message() + (e.time() == null ? "" : " at " + TIME.format(e.time())));
        attempts.set(String.valueOf(s.attempt()));
        nextRetryAt = s.state() == DataSourceState.VALID ? null : s.nextRetryAt();
        tick(now);
    }

    /** Called each second by the screen's timeline while it is shown. */
    public void tick(Instant now) {
        countdown.set(Countdown.text(nextRetryAt, now));
    }

    static String describe(DataSourceState state) {
        return switch (state) {
            case INITIALIZING -> "initializing: no data from upstream yet";
            case VALID -> "valid: connected and up to date";
            case INTERRUPTED -> "interrupted: lost the connection, retrying";
            case OFF -> "off: stopped (key rejected or environment stopped)";
        };
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sinceProperty() {
        return since.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty attemptsProperty() {
        return attempts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }
}
