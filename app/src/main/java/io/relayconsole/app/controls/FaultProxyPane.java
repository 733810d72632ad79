package io.relayconsole.app.controls;

import io.relayconsole.app.ui.ViewParts;
import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Demo controls for the TCP fault proxy between the relay and its store server: put in front, cut, slow, pass. */
final class FaultProxyPane extends VBox {
    static final Duration DEMO_LATENCY = Duration.ofMillis(500);

    FaultProxyPane(ControlsViewModel model, ControlsController controller) {
        super(8);
        BooleanBinding none = model.proxyStateProperty().isNull();
        Button front = new Button("Put a fault proxy in front of the current store",
                new FontIcon(Material2MZ.SETTINGS_ETHERNET));
        front.setId("proxy-insert");
        front.setOnAction(e -> controller.putFaultProxyInFront());
        front.disableProperty().bind(none.not().or(model.busyProperty()));
        Button cut = button("Cut", "proxy-cut", Material2AL.LINK_OFF, controller::cutFaultProxy);
        cut.disableProperty().bind(none.or(model.busyProperty()).or(model.proxyCut()));
        Button slow = button("Add latency (" + DEMO_LATENCY.toMillis() + " ms)", "proxy-latency",
                Material2AL.HOURGLASS_EMPTY, () -> controller.addFaultProxyLatency(DEMO_LATENCY));
        slow.disableProperty().bind(none.or(model.busyProperty()));
        Button pass = button("Pass", "proxy-pass", Material2AL.LINK, controller::passFaultProxy);
        pass.disableProperty().bind(none.or(model.busyProperty())
                .or(model.proxyPassing()));
        Label status = ViewParts.label(model.proxyStatusProperty(), "proxy-status");
        status.graphicProperty().bind(Bindings.createObjectBinding(() -> none.get() ? null : (Node) new FontIcon(
                model.proxyCut().get() ? Material2AL.ERROR_OUTLINE : Material2AL.CHECK_CIRCLE_OUTLINE),
                none, model.proxyCut()));
        Label hint = new Label("For Redis (standalone), Consul or DynamoDB with an endpoint: the console listens on a "
                + "free loopback port, forwards to the store's server, and switches the selected environment to the "
                + "same store through it. Cut refuses and drops connections; the proxy closes with the console.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        getChildren().addAll(new HBox(8, front, cut, slow, pass), status, hint);
    }

    private static Button button(String text, String id, org.kordamp.ikonli.Ikon icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
