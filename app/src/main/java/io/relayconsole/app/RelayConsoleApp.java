package io.relayconsole.app;

import io.relayconsole.app.controls.ControlsScreen;
import io.relayconsole.app.events.EventsScreen;
import io.relayconsole.app.flags.FlagsScreen;
import io.relayconsole.app.logs.LogsScreen;
import io.relayconsole.app.overview.OverviewScreen;
import io.relayconsole.app.preferences.ConsolePreferences;
import io.relayconsole.app.scenarios.ScenariosScreen;
import io.relayconsole.app.sdks.SdksScreen;
import io.relayconsole.app.shell.ConfigSource;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.ConsoleSession;
import io.relayconsole.app.shell.Screen;
import io.relayconsole.app.store.StoreScreen;
import io.relayconsole.app.timeline.TimelineScreen;
import io.relayconsole.app.upstream.UpstreamScreen;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * The desktop console: hosts the relay engine in-process and shows what it does.
 * Usage: {@code RelayConsoleApp [--config FILE]}; without a file it restores the last run's configuration or
 * uses the development default (built-in upstream with sample flags).
 */
public class RelayConsoleApp extends Application {
    private ConsoleSession session;

    public static void main(String[] args) {
        configureLoggingInBackground();
        launch(args);
    }

    /**
     * Logback reads its configuration (about 0.4 s on the first run of a JVM) on another core while JavaFX starts,
     * instead of on the FX thread when the window creates its first logger. A logger asked for meanwhile is a
     * stand-in that SLF4J connects once the configuration is done.
     */
    public static void configureLoggingInBackground() {
        Thread configure = new Thread(LoggerFactory::getILoggerFactory, "console-logging-setup");
        configure.setDaemon(true);
        configure.start();
    }

    /** Every screen, in navigation order (Ctrl+1 is the first, Ctrl+0 the tenth; Events came last, so no shortcut moved). */
    public static List<Screen> screens(ConsoleContext context) {
        return List.of(
                new OverviewScreen(context),
                new SdksScreen(context),
                new FlagsScreen(context),
                new StoreScreen(context),
                new UpstreamScreen(context),
                new TimelineScreen(context),
                new ScenariosScreen(context),
                new ControlsScreen(context),
                new LogsScreen(context),
                new EventsScreen(context));
    }

    @Override
    public void start(Stage stage) {
        ConsolePreferences preferences = ConsolePreferences.forUser();
        ConfigSource source;
        try {
            source = ConfigSource.fromArguments(getParameters().getRaw(), preferences);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            Platform.exit();
            return;
        }
        session = ConsoleSession.open(stage, source, preferences, RelayConsoleApp::screens);
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
    }
}
