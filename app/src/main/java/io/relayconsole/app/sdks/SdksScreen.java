package io.relayconsole.app.sdks;

import io.relayconsole.app.shell.AbstractScreen;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.relay.Relay;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.kordamp.ikonli.material2.Material2AL;

/** The SDKs screen: who is connected, who was refused and why, and disconnecting one SDK. */
public final class SdksScreen extends AbstractScreen<SdksView> {
    private final SdksViewModel model = new SdksViewModel();
    private boolean seeded;

    public SdksScreen(ConsoleContext context) {
        super(context, "SDKs", Material2AL.DEVICES);
        context.snapshotProperty().addListener((obs, old, snapshot) -> {
            if (snapshot == null) {
                return;
            }
            if (!seeded) {
                seeded = true;
                relay().ifPresent(r -> model.seedRefused(r.requests().recent()));
            }
            model.setEnvironmentNames(snapshot.environments().stream().map(EnvironmentSnapshot::name).toList());
            model.applyConnections(snapshot.connections());
            model.applyMeters(snapshot.meters());
        });
        context.addEventListener(model::applyEvents);
    }

    @Override
    protected SdksView buildView() {
        SdksView built = new SdksView(model);
        built.onDisconnect(this::confirmDisconnect);
        return built;
    }

    private java.util.Optional<Relay> relay() {
        return context.service().runtime() == null ? java.util.Optional.empty()
                : java.util.Optional.of(context.service().runtime().relay());
    }

    private void confirmDisconnect(SdkRow row) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "This closes the stream of " + row.describe() + ". The SDK will reconnect by itself after its "
                        + "retry delay.", ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText("Disconnect this SDK?");
        confirm.setTitle("Disconnect SDK");
        if (view().getScene() != null) {
            confirm.initOwner(view().getScene().getWindow());
        }
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> disconnect(row));
    }

    private void disconnect(SdkRow row) {
        relay().ifPresent(relay -> context.run(() -> relay.connections().disconnect(row.id()),
                closed -> view().showResult(closed ? "Disconnected " + row.describe()
                        : row.describe() + " had already disconnected"),
                error -> view().showResult("Could not disconnect " + row.describe() + ": " + error.getMessage())));
    }

    public SdksViewModel model() {
        return model;
    }

    @Override
    public void focusSearch() {
        view().focusSearch();
    }
}
