package io.relayconsole.app.shell;

import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A screen's view, built the first time it is asked for (FX thread). The console opens with one screen showing;
 * building the others only when chosen keeps their controls, skins and CSS out of the first frame. Views bind
 * to their view models, which the screen feeds from the start, so a view built late shows the current state.
 */
public final class LazyView<T extends Node> {
    private final Supplier<T> build;
    private T view;

    public LazyView(Supplier<T> build) {
        this.build = build;
    }

    public T get() {
        if (view == null) {
            view = build.get();
        }
        return view;
    }
}
