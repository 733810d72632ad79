package io.relayconsole.app.shell;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * The lifecycle every screen shares, so a screen only says what is its own: its title and icon, how to build
 * its view, and what to do when shown, hidden or closed.
 *
 * <p>The view is built the first time it is asked for (FX thread). The console opens with one screen showing;
 * building the others only when chosen keeps their controls, skins and CSS out of the first frame. Views bind
 * to their view models, which the screen feeds from the start, so a view built late shows the current state.
 */
public abstract class AbstractScreen<V extends Node> implements Screen {
    protected final ConsoleContext context;
    private final String title;
    private final Ikon icon;
    private V view;
    private boolean shown;

    protected AbstractScreen(ConsoleContext context, String title, Ikon icon) {
        this.context = context;
        this.title = title;
        this.icon = icon;
    }

    /** Builds the view; called once, the first time the view is asked for. */
    protected abstract V buildView();

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Ikon icon() {
        return icon;
    }

    @Override
    public final V view() {
        if (view == null) {
            view = buildView();
        }
        return view;
    }

    @Override
    public final void shown() {
        shown = true;
        onShown();
    }

    @Override
    public final void hidden() {
        shown = false;
        onHidden();
    }

    /** Whether the window shows this screen now; a hidden screen skips work nobody would see. */
    protected final boolean isShown() {
        return shown;
    }

    /** The screen became visible. */
    protected void onShown() {
    }

    /** The screen is no longer visible. */
    protected void onHidden() {
    }
}
