package io.relayconsole.app.overview;

import java.util.List;
import javafx.animation.TranslateTransition;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Draws the topology: upstream → relay → SDKs across, the store below the relay, edges between them, and the
 * SDKs as an aggregate fan (a few lines and a count, however many there are). A pulse runs along an edge when
 * data flowed on it during a tick; at most one per edge at a time, so a flood does not pile up animations.
 * Below the upstream edge, the SDK events the relay forwards to the flag service, with their own pulse going up.
 * The element the model's highlight names is lit ({@code :current}, or {@code :failure} for a failed step). A
 * presenter's topology ({@link #presented}) is compact, named and ordered as the sequence diagrams are (SDKs on
 * the left, LaunchDarkly on the right), so the audience reads both the same way.
 */
public final class TopologyPane extends Pane {
    private static final int FAN_LINES = 7;
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass FAILURE = PseudoClass.getPseudoClass("failure");

    private final double nodeWidth;
    private final double nodeHeight;
    private final double storeGap;
    private final boolean presenter;

    private final TopologyNodeView upstream;
    private final TopologyNodeView relay;
    private final TopologyNodeView store;
    private final TopologyNodeView sdks;
    private final Line upstreamEdge = edge();
    private final Line storeEdge = edge();
    private final Line[] fan = new Line[FAN_LINES];
    private final Label fanCount = new Label();
    private final Label eventFlow = new Label();
    private final Circle[] pulses = new Circle[4];
    private final TopologyModel model;

    /** The Overview's topology: full size, with sparklines. */
    public TopologyPane(TopologyModel model) {
        this(model, false);
    }

    /** A presenter's topology beside the scenario's diagrams: compact, in the diagrams' order and words. */
    public static TopologyPane presented(TopologyModel model) {
        return new TopologyPane(model, true);
    }

    private TopologyPane(TopologyModel model, boolean presenter) {
        this.model = model;
        this.presenter = presenter;
        nodeWidth = presenter ? 190 : 210;
        nodeHeight = presenter ? 58 : 150;
        storeGap = presenter ? 26 : 36;
        Sparkline updates = presenter ? null : new Sparkline(model.updatesPerSecond());
        Sparkline latency = presenter ? null : new Sparkline(model.storeLatency());
        Sparkline connected = presenter ? null : new Sparkline(model.connectedSdks());
        Sparkline sends = presenter ? null : new Sparkline(model.sendsPerSecond());
        upstream = new TopologyNodeView("node-upstream", presenter ? "LaunchDarkly" : "Upstream",
                Material2AL.CLOUD_QUEUE, model.upstreamProperty(), updates, "updates per second");
        relay = new TopologyNodeView("node-relay", "Relay Proxy", Material2AL.DEVICE_HUB, model.relayProperty(),
                sends, "sends to SDKs per second");
        store = new TopologyNodeView("node-store", presenter ? "Persistent Store" : "Persistent store",
                Material2MZ.STORAGE, model.storeProperty(), latency, "store latency (ms)");
        sdks = new TopologyNodeView("node-sdks", "SDKs", Material2AL.DEVICES, model.sdksProperty(), connected,
                "connected SDKs");
        upstreamEdge.setId("edge-upstream");
        storeEdge.setId("edge-store");
        for (int i = 0; i < FAN_LINES; i++) {
            fan[i] = edge();
            fan[i].setId("edge-sdk-" + (i + 1));
        }
        fanCount.getStyleClass().add("topology-fan-count");
        fanCount.setGraphic(new FontIcon(Material2AL.DEVICES));
        model.sdkCountProperty().subscribe(n -> {
            fanCount.setText(n + (n == 1 ? " SDK" : " SDKs"));
            for (int i = 0; i < FAN_LINES; i++) {
                fan[i].setVisible(i < Math.min(n, FAN_LINES) || (i == FAN_LINES / 2));
                fan[i].getStyleClass().remove("edge-idle");
                if (n == 0) {
                    fan[i].getStyleClass().add("edge-idle");
                }
            }
        });
        getChildren().addAll(upstreamEdge, storeEdge);
        getChildren().addAll(fan);
        for (int i = 0; i < pulses.length; i++) {
            pulses[i] = new Circle(5);
            pulses[i].getStyleClass().add("topology-pulse");
            pulses[i].setVisible(false);
            pulses[i].setManaged(false);
        }
        eventFlow.setId("edge-events");
        eventFlow.getStyleClass().addAll("topology-edge-label", "text-small");
        model.eventFlowProperty().subscribe(f -> {
            eventFlow.setText(f.detail().isEmpty() ? f.state() : f.state() + "\n" + f.detail());
            eventFlow.getStyleClass().removeAll("danger", "success", "text-muted");
            eventFlow.getStyleClass().add(switch (f.level()) {
                case ERROR -> "danger";
                case OK -> "success";
                default -> "text-muted";
            });
        });
        eventFlow.setVisible(!presenter); // a scenario's events are steps on the diagram
        fanCount.setVisible(!presenter); // the SDKs node says how many
        getChildren().addAll(upstream, relay, store, sdks, fanCount, eventFlow);
        getChildren().addAll(pulses);
        if (!presenter) {
            model.samplesProperty().subscribe(n -> {
                updates.redraw();
                latency.redraw();
                connected.redraw();
                sends.redraw();
            });
        }
        model.highlightProperty().subscribe(this::light);
        model.upstreamPulsesProperty().addListener((o, a, b) -> pulse(0, upstreamEdge));
        model.storePulsesProperty().addListener((o, a, b) -> pulse(1, storeEdge));
        model.sdkPulsesProperty().addListener((o, a, b) -> pulse(2, fan[FAN_LINES / 2]));
        model.eventPulsesProperty().addListener((o, a, b) -> pulse(3, upstreamEdge, true));
        getStyleClass().add("topology");
        double top = presenter ? 8 : 16;
        setMinHeight(top + nodeHeight * 2 + storeGap + 8);
        setPrefHeight(getMinHeight());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double colGap = Math.max(40, (w - 3 * nodeWidth) / 3);
        double top = presenter ? 8 : 16;
        double leftX = colGap / 2;
        double relayX = leftX + nodeWidth + colGap;
        double rightX = relayX + nodeWidth + colGap;
        // The Overview reads as data flows (upstream to SDKs); a presenter's as the diagrams' lanes (SDKs first).
        double upX = presenter ? rightX : leftX;
        double sdkX = presenter ? leftX : rightX;
        place(upstream, upX, top);
        place(relay, relayX, top);
        place(store, relayX, top + nodeHeight + storeGap);
        place(sdks, sdkX, top);
        double midY = top + nodeHeight / 2;
        double relayUpSide = presenter ? relayX + nodeWidth : relayX;
        double relaySdkSide = presenter ? relayX : relayX + nodeWidth;
        set(upstreamEdge, presenter ? upX : upX + nodeWidth, midY, relayUpSide, midY);
        set(storeEdge, relayX + nodeWidth / 2, top + nodeHeight, relayX + nodeWidth / 2, top + nodeHeight + storeGap);
        for (int i = 0; i < FAN_LINES; i++) {
            double spread = (i - FAN_LINES / 2) * (nodeHeight / (FAN_LINES + 1));
            set(fan[i], relaySdkSide, midY, presenter ? sdkX + nodeWidth : sdkX, midY + spread);
        }
        eventFlow.autosize();
        eventFlow.relocate(upX + nodeWidth + (colGap - eventFlow.getWidth()) / 2, midY + 6);
        fanCount.autosize();
        fanCount.relocate(Math.min(relaySdkSide, presenter ? sdkX + nodeWidth : sdkX)
                + (colGap - fanCount.getWidth()) / 2, top + nodeHeight + 4);
    }

    private void place(Node node, double x, double y) {
        node.resizeRelocate(x, y, nodeWidth, nodeHeight);
    }

    /** Lights the element a step names, and only that one; null lights nothing. */
    private void light(TopologyHighlight lit) {
        for (Node n : List.of(upstream, relay, store, sdks, upstreamEdge, storeEdge)) {
            n.pseudoClassStateChanged(CURRENT, false);
            n.pseudoClassStateChanged(FAILURE, false);
        }
        for (Line line : fan) {
            line.pseudoClassStateChanged(CURRENT, false);
            line.pseudoClassStateChanged(FAILURE, false);
        }
        if (lit == null) {
            return;
        }
        Node target = switch (lit.element()) {
            case UPSTREAM -> upstream;
            case RELAY -> relay;
            case STORE -> store;
            case SDKS -> sdks;
            case UPSTREAM_EDGE -> upstreamEdge;
            case STORE_EDGE -> storeEdge;
            // SDK1 on the fan's first line, and so on; the fan shows at least as many lines as SDKs seen.
            case SDK_EDGE -> fan[Math.max(0, lit.sdk() - 1) % FAN_LINES];
        };
        target.pseudoClassStateChanged(lit.failure() ? FAILURE : CURRENT, true);
    }

    private static void set(Line line, double x1, double y1, double x2, double y2) {
        line.setStartX(x1);
        line.setStartY(y1);
        line.setEndX(x2);
        line.setEndY(y2);
    }

    private static Line edge() {
        Line line = new Line();
        line.getStyleClass().add("topology-edge");
        line.setManaged(false);
        return line;
    }

    private void pulse(int index, Line along) {
        pulse(index, along, false);
    }

    /** {@code backwards}: from the line's end to its start (events go from the relay up to the flag service). */
    private void pulse(int index, Line along, boolean backwards) {
        Circle dot = pulses[index];
        if (dot.isVisible() || model.paused() || getScene() == null) {
            return;
        }
        dot.setCenterX(0);
        dot.setCenterY(0);
        TranslateTransition move = new TranslateTransition(Duration.millis(600), dot);
        move.setFromX(backwards ? along.getEndX() : along.getStartX());
        move.setFromY(backwards ? along.getEndY() : along.getStartY());
        move.setToX(backwards ? along.getStartX() : along.getEndX());
        move.setToY(backwards ? along.getStartY() : along.getEndY());
        move.setOnFinished(e -> dot.setVisible(false));
        dot.setVisible(true);
        move.play();
    }
}
