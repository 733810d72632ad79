package io.relayconsole.app.shell;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One screen of the console (Overview, SDKs, Flags, ...). A screen feeds its view model from the moment it exists
 * and builds its view the first time {@link #view()} is called (see {@link LazyView}); the window shows one at a
 * time and tells it when it becomes visible, so a hidden screen can pause its charts.
 */
public interface Screen {

    String title();

    Ikon icon();

    Node view();

    default void shown() {
    }

    default void hidden() {
    }

    /** The console is closing: stop what the screen started (recorders, demo processes). FX thread. */
    default void close() {
    }

    /** Puts the keyboard focus in the screen's search field, if it has one (Ctrl+F). */
    default void focusSearch() {
    }
}
