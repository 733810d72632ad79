package io.relayconsole.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.relayconsole.app.preferences.ConsolePreferences;
import io.relayconsole.app.preferences.Theme;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Applies the AtlantaFX light or dark theme to the whole application and remembers the choice. The starting
 * theme is the saved preference, unless {@code -Drelayconsole.theme=dark|light} overrides it for this run.
 */
public final class ThemeSwitcher {
    private final ConsolePreferences preferences;
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>();

    public ThemeSwitcher(ConsolePreferences preferences) {
        this.preferences = preferences;
        String override = System.getProperty("relayconsole.theme");
        apply(override == null ? preferences.theme()
                : "dark".equalsIgnoreCase(override) ? Theme.DARK : Theme.LIGHT);
    }

    public void toggle() {
        apply(theme.get().other());
        preferences.saveTheme(theme.get());
    }

    public void apply(Theme newTheme) {
        Application.setUserAgentStylesheet(newTheme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        theme.set(newTheme);
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }
}
