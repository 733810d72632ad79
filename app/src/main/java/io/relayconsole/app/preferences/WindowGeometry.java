package io.relayconsole.app.preferences;

/** Where the main window was and how big, so the next run opens it the same way. */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    public static final WindowGeometry DEFAULT = new WindowGeometry(Double.NaN, Double.NaN, 1280, 800, false);

    /** Too small a window (e.g. saved while minimized) is not worth restoring. */
    public boolean usable() {
        return width >= 400 && height >= 300;
    }

    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }
}
