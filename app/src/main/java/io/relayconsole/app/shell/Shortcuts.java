package io.relayconsole.app.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The console's keyboard shortcuts, defined once so the scene's accelerators and the help sheet cannot disagree:
 * F5 refresh, Ctrl+F search, Ctrl+1..9 and Ctrl+0 (the tenth, as on the keyboard's row) switch screen,
 * Ctrl+T theme, F1 help.
 */
public final class Shortcuts {
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9, KeyCode.DIGIT0};

    private Shortcuts() {
    }

    public static List<Shortcut> of(MainWindow window, ConsoleContext context, Runnable toggleTheme,
                                    Runnable showHelp) {
        List<Shortcut> list = new ArrayList<>();
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.F5), "Refresh the relay's state now",
                context::refreshNow));
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                "Search on the current screen", () -> {
                    if (window.current() != null) {
                        window.current().focusSearch();
                    }
                }));
        List<Screen> screens = window.screens();
        for (int i = 0; i < Math.min(DIGITS.length, screens.size()); i++) {
            int index = i;
            list.add(new Shortcut(new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN),
                    "Show " + screens.get(i).title(), () -> window.select(index)));
        }
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                "Switch between light and dark theme", toggleTheme));
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.F1), "Show this list of shortcuts", showHelp));
        return List.copyOf(list);
    }

    public static void install(Scene scene, List<Shortcut> shortcuts) {
        for (Shortcut s : shortcuts) {
            scene.getAccelerators().put(s.keys(), s.action());
        }
    }
}
