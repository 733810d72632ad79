package io.relayconsole.app.overview;

import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.relay.RelaySnapshot;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The state the overview shows, updated from relay snapshots on the FX thread. */
public final class OverviewViewModel {
    private final ReadOnlyBooleanWrapper healthy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("Starting the relay…");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ObservableList<EnvironmentRow> environments = FXCollections.observableArrayList();

    /** Applies one snapshot; the table changes in one list update. */
    public void apply(RelaySnapshot snapshot) {
        List<EnvironmentRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (EnvironmentSnapshot env : snapshot.environments()) {
            EnvironmentRow row = EnvironmentRow.of(env);
            rows.add(row);
            if (!row.healthy()) {
                problems.add(env.name() + ": " + row.serving() + ", upstream " + row.upstream());
            }
        }
        if (!rows.equals(environments)) {
            environments.setAll(rows);
        }
        healthy.set(problems.isEmpty());
        headline.set(problems.isEmpty() ? "Healthy" : "Degraded");
        detail.set(problems.isEmpty()
                ? snapshot.connections().size() + " SDK stream(s) connected on port " + snapshot.port()
                : String.join("; ", problems));
    }

    /** Shown when the relay could not start at all. */
    public void failed(String reason) {
        healthy.set(false);
        headline.set("Down");
        detail.set(reason);
    }

    public ReadOnlyBooleanProperty healthyProperty() {
        return healthy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ObservableList<EnvironmentRow> environments() {
        return environments;
    }
}
