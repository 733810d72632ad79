package io.relayconsole.app.shell;

import io.relayconsole.app.preferences.Theme;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Shows the theme the button switches to, so its meaning is clear without hovering. */
final class ThemeButton {

    private ThemeButton() {
    }

    static void show(Button button, Theme current) {
        boolean dark = current == Theme.DARK;
        button.setGraphic(new FontIcon(dark ? Material2MZ.WB_SUNNY : Material2AL.BRIGHTNESS_2));
        button.setText(dark ? "Light" : "Dark");
        button.setTooltip(new Tooltip("Switch to the " + (dark ? "light" : "dark") + " theme (Ctrl+T)"));
    }
}
