package io.relayconsole.app.overview;

import javafx.animation.TranslateTransition;
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
 */
public final class TopologyPane extends Pane {
    private static final int FAN_LINES = 7;
    private static final double NODE_WIDTH = 210;
    private static final double NODE_HEIGHT = 150;

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

    public TopologyPane(TopologyModel model) {
        this.model = model;
        Sparkline updates = new Sparkline(model.updatesPerSecond());
        Sparkline latency = new Sparkline(model.storeLatency());
        Sparkline connected = new Sparkline(model.connectedSdks());
        Sparkline sends = new Sparkline(model.sendsPerSecond());
        upstream = new TopologyNodeView("node-upstream", "Upstream", Material2AL.CLOUD_QUEUE,
                model.upstreamProperty(), updates, "updates per second");
        relay = new TopologyNodeView("node-relay", "Relay Proxy", Material2AL.DEVICE_HUB, model.relayProperty(),
                sends, "sends to SDKs per second");
        store = new TopologyNodeView("node-store", "Persistent store", Material2MZ.STORAGE, model.storeProperty(),
                latency, "store latency (ms)");
        sdks = new TopologyNodeView("node-sdks", "SDKs", Material2AL.DEVICES, model.sdksProperty(), connected,
                "connected SDKs");
        for (int i = 0; i < FAN_LINES; i++) {
            fan[i] = edge();
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
        getChildren().addAll(upstream, relay, store, sdks, fanCount, eventFlow);
        getChildren().addAll(pulses);
        model.samplesProperty().subscribe(n -> {
            updates.redraw();
            latency.redraw();
            connected.redraw();
            sends.redraw();
        });
        model.upstreamPulsesProperty().addListener((o, a, b) -> pulse(0, upstreamEdge));
        model.storePulsesProperty().addListener((o, a, b) -> pulse(1, storeEdge));
        model.sdkPulsesProperty().addListener((o, a, b) -> pulse(2, fan[FAN_LINES / 2]));
        model.eventPulsesProperty().addListener((o, a, b) -> pulse(3, upstreamEdge, true));
        getStyleClass().add("topology");
        setMinHeight(NODE_HEIGHT * 2 + 60);
        setPrefHeight(NODE_HEIGHT * 2 + 60);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double colGap = Math.max(40, (w - 3 * NODE_WIDTH) / 3);
        double top = 16;
        double upX = colGap / 2;
        double relayX = upX + NODE_WIDTH + colGap;
        double sdkX = relayX + NODE_WIDTH + colGap;
        place(upstream, upX, top);
        place(relay, relayX, top);
        place(store, relayX, top + NODE_HEIGHT + 36);
        place(sdks, sdkX, top);
        double midY = top + NODE_HEIGHT / 2;
        set(upstreamEdge, upX + NODE_WIDTH, midY, relayX, midY);
        set(storeEdge, relayX + NODE_WIDTH / 2, top + NODE_HEIGHT, relayX + NODE_WIDTH / 2, top + NODE_HEIGHT + 36);
        for (int i = 0; i < FAN_LINES; i++) {
            double spread = (i - FAN_LINES / 2) * (NODE_HEIGHT / (FAN_LINES + 1));
            set(fan[i], relayX + NODE_WIDTH, midY, sdkX, midY + spread);
        }
        eventFlow.autosize();
        eventFlow.relocate(upX + NODE_WIDTH + (colGap - eventFlow.getWidth()) / 2, midY + 6);
        fanCount.autosize();
        fanCount.relocate(relayX + NODE_WIDTH + (colGap - fanCount.getWidth()) / 2, top + NODE_HEIGHT + 4);
    }

    private static void place(Node node, double x, double y) {
        node.resizeRelocate(x, y, NODE_WIDTH, NODE_HEIGHT);
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
