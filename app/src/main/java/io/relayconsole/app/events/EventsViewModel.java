package io.relayconsole.app.events;

import io.relayconsole.app.ui.Formats;
import io.relayconsole.events.EventStats;
import io.relayconsole.events.RecentPayload;
import io.relayconsole.relay.EnvironmentSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Event forwarding in words and numbers, fed once per tick on the FX thread: every environment's rate of events
 * received (the chart), the selected environment's counters, last error and recent payloads, and what the built-in
 * upstream's sink received when the relay runs on it.
 */
public final class EventsViewModel {
    /** Samples per chart line: 30 s at the feed's four ticks a second. */
    public static final int HISTORY = 120;

    private final ObservableList<RateSeries> series = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper samples = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper forwarding = new ReadOnlyStringWrapper("waiting for the relay");
    private final ReadOnlyStringWrapper received = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper forwarded = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper failed = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper dropped = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper queue = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refused = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper lastDelivery = new ReadOnlyStringWrapper("never");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper("none");
    private final ReadOnlyBooleanWrapper failing = new ReadOnlyBooleanWrapper();
    private final ObservableList<PayloadRow> recent = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper sinkAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper sinkSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<PayloadRow> sinkRecent = FXCollections.observableArrayList();

    /** One tick: every environment's rate, and the details of {@code selected}. */
    public void apply(List<EnvironmentSnapshot> environments, String selected, Instant now) {
        List<String> names = environments.stream().map(EnvironmentSnapshot::name).toList();
        if (!names.equals(series.stream().map(RateSeries::environment).toList())) {
            series.setAll(names.stream().map(n -> new RateSeries(n, HISTORY)).toList());
        }
        for (int i = 0; i < environments.size(); i++) {
            series.get(i).sample(now, environments.get(i).events().received());
        }
        samples.set(samples.get() + 1);
        environments.stream().filter(e -> e.name().equals(selected)).findFirst()
                .or(() -> environments.stream().findFirst())
                .ifPresent(e -> showEnvironment(e.name(), e.events(), now));
    }

    private void showEnvironment(String name, EventStats s, Instant now) {
        if (!s.enabled()) {
            forwarding.set("'" + name + "' does not forward events: [Events] sendEvents is off, so SDKs posting "
                    + "events get 503");
        } else {
            forwarding.set("'" + name + "' forwards SDK events to " + s.destination());
        }
        received.set(String.valueOf(s.received()));
        forwarded.set(String.valueOf(s.forwarded()));
        failed.set(String.valueOf(s.failed()));
        dropped.set(String.valueOf(s.dropped()));
        queue.set(s.queued() + " queued \u00b7 " + s.sending() + " sending \u00b7 capacity " + s.capacity());
        refused.set(s.refusedPayloads() + " refused \u00b7 " + s.duplicatePayloads() + " duplicate");
        lastDelivery.set(s.lastDelivery() == null ? "never" : Formats.clock(s.lastDelivery()) + " ("
                + Formats.ago(s.lastDelivery(), now) + ")");
        lastError.set(s.lastError() == null ? "none" : s.lastError() + " at " + Formats.clock(s.lastErrorTime()));
        failing.set(s.lastErrorTime() != null
                && (s.lastDelivery() == null || s.lastErrorTime().isAfter(s.lastDelivery())));
        replace(recent, s.recent());
    }

    /** The built-in upstream's sink, or null when the relay uses a real upstream. */
    public void applySink(EventStats sink) {
        sinkAvailable.set(sink != null);
        if (sink == null) {
            sinkRecent.clear();
            return;
        }
        sinkSummary.set(sink.received() + " events received \u00b7 " + sink.refusedPayloads() + " payloads refused "
                + "\u00b7 " + sink.duplicatePayloads() + " duplicate \u00b7 last "
                + (sink.lastDelivery() == null ? "never" : Formats.clock(sink.lastDelivery())));
        replace(sinkRecent, sink.recent());
    }

    /** Newest first; the list is only touched when it changed, so a selected row stays selected. */
    private static void replace(ObservableList<PayloadRow> rows, List<RecentPayload> oldestFirst) {
        List<PayloadRow> newestFirst = new ArrayList<>(oldestFirst.size());
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            newestFirst.add(PayloadRow.of(oldestFirst.get(i)));
        }
        if (!newestFirst.equals(rows)) {
            rows.setAll(newestFirst);
        }
    }

    public ObservableList<RateSeries> series() {
        return series;
    }

    /** Goes up once per tick, so the chart knows when to redraw. */
    public ReadOnlyLongProperty samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty forwardingProperty() {
        return forwarding.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty forwardedProperty() {
        return forwarded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queueProperty() {
        return queue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastDeliveryProperty() {
        return lastDelivery.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** Whether the last post failed (no delivery since the last error). */
    public ReadOnlyBooleanProperty failingProperty() {
        return failing.getReadOnlyProperty();
    }

    public ObservableList<PayloadRow> recent() {
        return recent;
    }

    public ReadOnlyBooleanProperty sinkAvailableProperty() {
        return sinkAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sinkSummaryProperty() {
        return sinkSummary.getReadOnlyProperty();
    }

    public ObservableList<PayloadRow> sinkRecent() {
        return sinkRecent;
    }
}
