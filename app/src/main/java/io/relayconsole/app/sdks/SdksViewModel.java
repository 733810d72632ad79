package io.relayconsole.app.sdks;

import io.relayconsole.metrics.MeterSnapshot;
import io.relayconsole.relay.RelayEvent;
import io.relayconsole.serving.RequestRecord;
import io.relayconsole.serving.SdkConnectionInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The SDKs screen's state: connected SDKs (streams diffed by connection id once per tick: removals and additions in
 * one change each, counters updated in place; pollers from the answered polls, see {@link Pollers}), the refused
 * requests (bounded), and the search, environment and mode filters applying to both. Contexts' attributes are
 * shown only while the operator asks ({@link #showContextsProperty()}); their kind always.
 */
public final class SdksViewModel {
    public static final String ALL = "All environments";
    public static final int REFUSED_CAPACITY = 1000;

    public enum ModeFilter {
        ALL("Streams and polls"), STREAM("Streams only"), POLL("Polls only");

        private final String label;

        ModeFilter(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObservableList<SdkRow> connections = FXCollections.observableArrayList();
    private final FilteredList<SdkRow> visibleConnections = new FilteredList<>(connections);
    private final ObservableList<RefusedRow> refused = FXCollections.observableArrayList();
    private final FilteredList<RefusedRow> visibleRefused = new FilteredList<>(refused);
    private final Map<Long, SdkRow> byId = new HashMap<>();
    private final ObservableList<String> environments = FXCollections.observableArrayList(ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty environment = new SimpleStringProperty(ALL);
    private final ObjectProperty<ModeFilter> mode = new SimpleObjectProperty<>(ModeFilter.ALL);
    private final BooleanProperty showContexts = new SimpleBooleanProperty(false);
    private final Pollers pollers = new Pollers();
    private final StringProperty meterSummary = new SimpleStringProperty("");
    private MeterSnapshot meters = MeterSnapshot.empty();

    public SdksViewModel() {
        search.addListener((o, a, b) -> refilter());
        environment.addListener((o, a, b) -> {
            refilter();
            summarizeMeters();
        });
        mode.addListener((o, a, b) -> refilter());
    }

    /** Brings the connections table up to date with one tick's list of open connections. */
    public void applyConnections(List<SdkConnectionInfo> open) {
        Map<Long, SdkConnectionInfo> now = new HashMap<>(open.size() * 2);
        for (SdkConnectionInfo info : open) {
            now.put(info.id(), info);
        }
        List<SdkRow> gone = new ArrayList<>();
        for (SdkRow row : connections) {
            if (row.isPoller()) {
                continue; // pollers come from answered polls, not from the open streams
            }
            SdkConnectionInfo info = now.get(row.id());
            if (info == null) {
                gone.add(row);
            } else {
                row.update(info);
            }
        }
        if (!gone.isEmpty()) {
            gone.forEach(r -> byId.remove(r.id()));
            connections.removeAll(new java.util.HashSet<>(gone));
        }
        List<SdkRow> added = new ArrayList<>();
        for (SdkConnectionInfo info : open) {
            if (!byId.containsKey(info.id())) {
                SdkRow row = new SdkRow(info);
                byId.put(row.id(), row);
                added.add(row);
            }
        }
        if (!added.isEmpty()) {
            connections.addAll(added);
        }
    }

    /**
     * The counts above the tables, from the engine's meters (the numbers {@code /metrics} publishes), for the chosen
     * environment or all of them. The tables list what the relay tracks per connection; the counts are the meters'.
     */
    public void applyMeters(MeterSnapshot snapshot) {
        meters = snapshot;
        summarizeMeters();
    }

    private void summarizeMeters() {
        String chosen = environment.get();
        long open = 0;
        long opened = 0;
        long answered = 0;
        long refusedRequests = 0;
        for (Map.Entry<String, MeterSnapshot.EnvironmentMeters> e : meters.environments().entrySet()) {
            if (chosen != null && !ALL.equals(chosen) && !chosen.equals(e.getKey())) {
                continue;
            }
            MeterSnapshot.EnvironmentMeters m = e.getValue();
            open += m.sdkConnections();
            opened += m.newConnections();
            for (Map.Entry<Integer, Long> byStatus : m.requestsByStatus().entrySet()) {
                answered += byStatus.getValue();
                refusedRequests += byStatus.getKey() >= 400 ? byStatus.getValue() : 0;
            }
        }
        long closedByLimits = meters.refusedConnections().values().stream().mapToLong(Long::longValue).sum();
        meterSummary.set(String.format("%d stream%s open, %d opened · %d request%s answered, %d refused · "
                        + "%d connection%s closed by limits", open, open == 1 ? "" : "s", opened, answered,
                answered == 1 ? "" : "s", refusedRequests, closedByLimits, closedByLimits == 1 ? "" : "s"));
    }

    /** The meters' counts for the chosen environment, as one line. */
    public StringProperty meterSummaryProperty() {
        return meterSummary;
    }

    /** Keeps the refused requests among one tick's events; the oldest fall off past the capacity. */
    public void applyEvents(List<RelayEvent> events) {
        List<RefusedRow> batch = new ArrayList<>();
        List<RequestRecord> polls = new ArrayList<>();
        for (RelayEvent event : events) {
            if (event instanceof RelayEvent.RequestServed served && served.request().status() >= 400) {
                batch.add(RefusedRow.of(served.request()));
            } else if (event instanceof RelayEvent.RequestServed served) {
                polls.add(served.request());
            }
        }
        addRefused(batch);
        applyPolls(polls);
    }

    private void applyPolls(List<RequestRecord> polls) {
        Pollers.Changes changes = pollers.apply(polls);
        if (!changes.gone().isEmpty()) {
            changes.gone().forEach(r -> byId.remove(r.id()));
            connections.removeAll(new java.util.HashSet<>(changes.gone()));
        }
        if (!changes.added().isEmpty()) {
            changes.added().forEach(r -> byId.put(r.id(), r));
            connections.addAll(changes.added());
        }
    }

    /** The refusals the relay still remembers from before the console watched (its request log). */
    public void seedRefused(List<RequestRecord> recent) {
        addRefused(recent.stream().filter(r -> r.status() >= 400).map(RefusedRow::of).toList());
    }

    private void addRefused(List<RefusedRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<RefusedRow> tail = batch.size() > REFUSED_CAPACITY
                ? batch.subList(batch.size() - REFUSED_CAPACITY, batch.size()) : batch;
        int overflow = refused.size() + tail.size() - REFUSED_CAPACITY;
        if (overflow > 0) {
            refused.remove(refused.size() - overflow, refused.size());
        }
        // Newest first: the latest refusal is what an operator looks for.
        List<RefusedRow> newestFirst = new ArrayList<>(tail);
        java.util.Collections.reverse(newestFirst);
        refused.addAll(0, newestFirst);
    }

    /** Offers the configured environments in the environment filter. */
    public void setEnvironmentNames(List<String> names) {
        List<String> choices = new ArrayList<>();
        choices.add(ALL);
        choices.addAll(names);
        if (!choices.equals(environments)) {
            // Replacing the items clears a combo box's value; keep the user's choice when it still exists.
            String chosen = environment.get();
            environments.setAll(choices);
            environment.set(chosen != null && choices.contains(chosen) ? chosen : ALL);
        }
    }

    private void refilter() {
        String text = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        String env = environment.get() == null || ALL.equals(environment.get()) ? null : environment.get();
        ModeFilter m = mode.get() == null ? ModeFilter.ALL : mode.get();
        visibleConnections.setPredicate(r -> (env == null || env.equals(r.environment()))
                && (m == ModeFilter.ALL || m.name().equalsIgnoreCase(r.mode()))
                && (text.isEmpty() || r.mentions(text)));
        visibleRefused.setPredicate(r -> (env == null || Objects.equals(env, r.environment()))
                && (text.isEmpty() || r.mentions(text)));
    }

    public ObservableList<SdkRow> visibleConnections() {
        return visibleConnections;
    }

    public ObservableList<SdkRow> connections() {
        return connections;
    }

    public ObservableList<RefusedRow> visibleRefused() {
        return visibleRefused;
    }

    public ObservableList<String> environments() {
        return environments;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty environmentProperty() {
        return environment;
    }

    public ObjectProperty<ModeFilter> modeProperty() {
        return mode;
    }

    /** Whether the table shows contexts' attributes (off by default: they may be personal data). */
    public BooleanProperty showContextsProperty() {
        return showContexts;
    }
}
