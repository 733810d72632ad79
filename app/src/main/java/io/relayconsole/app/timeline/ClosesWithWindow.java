package io.relayconsole.app.timeline;

import javafx.scene.Node;
import javafx.stage.WindowEvent;

/** Runs a clean-up when the window showing a node closes (a JVM exit without one needs no clean-up here). */
public final class ClosesWithWindow {
    private ClosesWithWindow() {
    }

    public static void register(Node node, Runnable cleanUp) {
        node.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, w, window) -> {
                    if (window != null) {
                        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> cleanUp.run());
                    }
                });
            }
        });
    }
}
