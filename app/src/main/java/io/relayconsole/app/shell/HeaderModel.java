package io.relayconsole.app.shell;

import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.relay.RelaySnapshot;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** What the header shows: the health verdict, the environments to choose from, and where SDKs connect. */
public final class HeaderModel {
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(Health.starting());
    private final ReadOnlyStringWrapper port = new ReadOnlyStringWrapper("SDK port: starting");
    private final ObservableList<String> environments = FXCollections.observableArrayList();

    public void apply(RelaySnapshot snapshot) {
        health.set(HealthAssessment.assess(snapshot));
        port.set("SDK port " + snapshot.port());
        List<String> names = snapshot.environments().stream().map(EnvironmentSnapshot::name).toList();
        if (!names.equals(environments)) {
            environments.setAll(names);
        }
    }

    public void failed(String why) {
        health.set(Health.failed(why));
        port.set("SDK port: not listening");
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portProperty() {
        return port.getReadOnlyProperty();
    }

    public ObservableList<String> environments() {
        return environments;
    }
}
