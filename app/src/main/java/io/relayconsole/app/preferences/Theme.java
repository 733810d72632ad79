package io.relayconsole.app.preferences;

/** The console's two looks (AtlantaFX Primer light and dark). */
public enum Theme {
    LIGHT, DARK;

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    static Theme parse(String value, Theme fallback) {
        for (Theme t : values()) {
            if (t.name().equalsIgnoreCase(value)) {
                return t;
            }
        }
        return fallback;
    }
}
