package io.relayconsole.app.shell;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One screen of the console (Overview, SDKs, Flags, ...), as the window sees it. A screen feeds its view model
 * from the moment it exists and builds its view the first time {@link #view()} is called; the window shows one
 * at a time and tells it when it becomes visible, so a hidden screen can pause its charts. Screens extend
 * {@link AbstractScreen}, which holds this shared lifecycle.
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
