package io.relayconsole.app.overview;

import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.relay.RelayEvent;
import io.relayconsole.relay.RelaySnapshot;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The overview's state: the topology of the selected environment and the table of all environments. */
public final class OverviewViewModel {
    private final TopologyModel topology = new TopologyModel();
    private final ObservableList<EnvironmentRow> environments = FXCollections.observableArrayList();

    /** Applies one tick; the table changes in one list update, and only when a row changed. */
    public void apply(RelaySnapshot snapshot, String selectedEnvironment) {
        topology.apply(snapshot, selectedEnvironment);
        List<EnvironmentRow> rows = new ArrayList<>();
        for (EnvironmentSnapshot env : snapshot.environments()) {
            rows.add(EnvironmentRow.of(env));
        }
        if (!rows.equals(environments)) {
            environments.setAll(rows);
        }
    }

    public void applyEvents(List<RelayEvent> events) {
        topology.applyEvents(events);
    }

    public TopologyModel topology() {
        return topology;
    }

    public ObservableList<EnvironmentRow> environments() {
        return environments;
    }
}
