package io.relayconsole.app.shell;

import javafx.scene.input.KeyCombination;

/** One keyboard shortcut: the keys, what it does in words (for the help sheet), and the action. */
public record Shortcut(KeyCombination keys, String description, Runnable action) {
}
