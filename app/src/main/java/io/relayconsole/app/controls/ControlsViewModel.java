package io.relayconsole.app.controls;

import io.relayconsole.demo.FaultProxy;
import io.relayconsole.simulator.UpstreamFault;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Controls screen's state: the demo outages and the demo SDKs. FX thread. */
public final class ControlsViewModel {
    /** The upstream outages the demo offers, in the words the button uses. */
    public static final List<UpstreamFault> DEMO_FAULTS = List.of(UpstreamFault.REFUSE, UpstreamFault.HTTP_503,
            UpstreamFault.HANG);

    private final BooleanProperty simulatorAvailable = new SimpleBooleanProperty();
    private final ObjectProperty<UpstreamFault> chosenFault = new SimpleObjectProperty<>(UpstreamFault.HTTP_503);
    private final StringProperty upstreamStatus = new SimpleStringProperty("Waiting for the relay…");
    private final BooleanProperty upstreamDown = new SimpleBooleanProperty();
    private final BooleanProperty redisLaunched = new SimpleBooleanProperty();
    private final BooleanProperty redisRunning = new SimpleBooleanProperty();
    private final StringProperty redisStatus = new SimpleStringProperty("No demo Redis running.");
    private final ObjectProperty<FaultProxy.State> proxyState = new SimpleObjectProperty<>();
    private final BooleanBinding proxyCut = proxyState.isEqualTo(FaultProxy.State.CUT);
    private final BooleanBinding proxyPassing = proxyState.isEqualTo(FaultProxy.State.PASS);
    private final StringProperty proxyStatus = new SimpleStringProperty("No fault proxy.");
    private final StringProperty flagKey = new SimpleStringProperty("new-checkout");
    private final ObservableList<DemoSdkRow> demoSdks = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /** How an upstream fault reads on the button and in the status line. */
    public static String describe(UpstreamFault fault) {
        return switch (fault) {
            case NONE -> "up";
            case REFUSE -> "refusing connections";
            case HTTP_503 -> "answering 503";
            case HANG -> "hanging (accepts, never answers)";
            default -> fault.name().toLowerCase();
        };
    }

    /** Updates the upstream line from the simulator (null when the relay uses a real upstream). */
    public void upstream(UpstreamFault fault) {
        simulatorAvailable.set(fault != null);
        upstreamDown.set(fault != null && fault != UpstreamFault.NONE);
        upstreamStatus.set(fault == null
                ? "The relay uses a real upstream: outage demos need the built-in upstream."
                : "Built-in upstream: " + describe(fault));
    }

    /** The fault proxy's line and state; both null when there is none. */
    public void faultProxy(String status, FaultProxy.State state) {
        proxyStatus.set(status == null ? "No fault proxy." : "Demo store path: " + status);
        proxyState.set(state);
    }

    /** What the fault proxy does now; null when there is none. */
    /** True while the fault proxy refuses and drops connections. */
    public BooleanBinding proxyCut() {
        return proxyCut;
    }

    /** True while the fault proxy forwards without faults. */
    public BooleanBinding proxyPassing() {
        return proxyPassing;
    }

    public ObjectProperty<FaultProxy.State> proxyStateProperty() {
        return proxyState;
    }

    public StringProperty proxyStatusProperty() {
        return proxyStatus;
    }

    /** Replaces the demo SDK rows only when something changed (one list update per tick at most). */
    public void sdks(List<DemoSdkRow> rows) {
        if (!rows.equals(demoSdks)) {
            demoSdks.setAll(rows);
        }
    }

    public BooleanProperty simulatorAvailableProperty() {
        return simulatorAvailable;
    }

    public ObjectProperty<UpstreamFault> chosenFaultProperty() {
        return chosenFault;
    }

    public StringProperty upstreamStatusProperty() {
        return upstreamStatus;
    }

    public BooleanProperty upstreamDownProperty() {
        return upstreamDown;
    }

    public BooleanProperty redisLaunchedProperty() {
        return redisLaunched;
    }

    public BooleanProperty redisRunningProperty() {
        return redisRunning;
    }

    public StringProperty redisStatusProperty() {
        return redisStatus;
    }

    public StringProperty flagKeyProperty() {
        return flagKey;
    }

    public ObservableList<DemoSdkRow> demoSdks() {
        return demoSdks;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
