package io.relayconsole.app.testing;

import io.relayconsole.app.RelayConsoleApp;
import io.relayconsole.app.preferences.ConsolePreferences;
import io.relayconsole.app.shell.ConfigSource;
import io.relayconsole.app.shell.ConsoleSession;
import io.relayconsole.config.DevelopmentConfig;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console (every screen) in TestFX's stage, as the app opens it, over the development relay on a free
 * port, with preferences of its own that it removes on close.
 */
public final class TestConsole implements AutoCloseable {
    private final Preferences node = Preferences.userRoot().node("/io/relayconsole/test-" + UUID.randomUUID());
    private ConsoleSession session;

    private TestConsole() {
    }

    /** Opens it and waits until the relay listens and the console is fed. */
    public static TestConsole open() throws Exception {
        TestConsole console = new TestConsole();
        FxToolkit.registerPrimaryStage();
        console.start();
        return console;
    }

    /** Closes the console as on exit and opens it again with the same preferences, as a user restarting it. */
    public void restart() throws Exception {
        closeSession();
        FxToolkit.cleanupStages();
        start();
    }

    private void start() throws Exception {
        var config = DevelopmentConfig.create().withMain(DevelopmentConfig.create().main().withPort(0));
        AtomicReference<ConsoleSession> opened = new AtomicReference<>();
        FxToolkit.setupStage(stage -> opened.set(ConsoleSession.open(stage, ConfigSource.of("test", config),
                new ConsolePreferences(node), RelayConsoleApp::screens)));
        session = opened.get();
        session.started().get(60, TimeUnit.SECONDS);
    }

    public ConsoleSession session() {
        return session;
    }

    /** Closes the session on the FX thread (once), the stages, and removes the preferences. */
    @Override
    public void close() throws Exception {
        closeSession();
        FxToolkit.cleanupStages();
        try {
            node.removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // already gone
        }
    }

    /** Closes the console as the app does on exit; the stage stays for the test to look at. */
    public void closeSession() throws Exception {
        ConsoleSession s = session;
        session = null;
        if (s != null) {
            WaitForAsyncUtils.asyncFx(s::close).get();
        }
    }

    /** Reads on the FX thread. */
    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
