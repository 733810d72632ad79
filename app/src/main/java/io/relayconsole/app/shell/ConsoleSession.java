package io.relayconsole.app.shell;

import io.relayconsole.app.preferences.ConsolePreferences;
import io.relayconsole.app.preferences.WindowGeometry;
import io.relayconsole.app.task.TaskExecutor;
import io.relayconsole.config.ConfigException;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the console in a stage: builds the window around the given screens, loads the configuration and
 * starts the engine off the FX thread (on the engine lane), feeds the screens, and restores and saves the
 * preferences. The app and the UI tests both open the console through this class.
 */
public final class ConsoleSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSession.class);

    private final Stage stage;
    private final ConsoleContext context;
    private final MainWindow window;
    private final ThemeSwitcher themes;
    private final List<Shortcut> shortcuts;
    private final CompletableFuture<Void> started;
    private volatile ConsoleFeed feed;
    private volatile boolean closed;

    private ConsoleSession(Stage stage, ConfigSource source, ConsolePreferences preferences,
                           Function<ConsoleContext, List<Screen>> screens) {
        this.stage = stage;
        this.context = new ConsoleContext(preferences);
        this.themes = new ThemeSwitcher(preferences);
        HeaderModel headerModel = new HeaderModel();
        HeaderView header = new HeaderView(headerModel);
        this.window = new MainWindow(header, screens.apply(context));
        header.environmentSelector().valueProperty().bindBidirectional(context.selectedEnvironmentProperty());
        context.snapshotProperty().addListener((obs, old, snapshot) -> {
            if (snapshot != null) {
                headerModel.apply(snapshot);
            }
        });
        context.startupErrorProperty().addListener((obs, old, why) -> {
            if (why != null) {
                headerModel.failed(why);
            }
        });

        Scene scene = new Scene(window);
        URL css = ConsoleSession.class.getResource("/io/relayconsole/app/console.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        this.shortcuts = Shortcuts.of(window, context, themes::toggle, this::showHelp);
        Shortcuts.install(scene, shortcuts);
        header.helpButton().setOnAction(e -> showHelp());
        header.themeButton().setOnAction(e -> themes.toggle());
        themes.themeProperty().subscribe(t -> ThemeButton.show(header.themeButton(), t));

        restoreGeometry(preferences.windowGeometry());
        stage.setTitle("Relay Console");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new javafx.scene.image.Image(ConsoleSession.class.getResource(
                    "/io/relayconsole/app/icons/relay-console-" + size + ".png").toExternalForm()));
        }
        stage.setScene(scene);
        stage.show();
        ErrorReporter.install(stage);

        // Reading the configuration and checking the remembered workspace both touch the disk: engine lane.
        this.started = context.tasks().supply(TaskExecutor.Lane.ENGINE,
                        () -> ConfigSource.withRememberedWorkspace(source.loader().get(), preferences))
                .thenCompose(context.service()::start)
                .thenAccept(runtime -> {
                    if (closed) {
                        return;
                    }
                    preferences.saveLastConfiguration(source.file());
                    feed = new ConsoleFeed(runtime.relay(), context::apply, context.tasks());
                    context.setRefresher(feed::refreshNow);
                })
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        String why = describe(error);
                        LOG.error("The relay could not start ({}): {}", source.description(), why);
                        Platform.runLater(() -> context.startupErrorProperty().set(why));
                    }
                });
    }

    /** Opens the console in {@code stage}; FX thread. */
    public static ConsoleSession open(Stage stage, ConfigSource source, ConsolePreferences preferences,
                                      Function<ConsoleContext, List<Screen>> screens) {
        return new ConsoleSession(stage, source, preferences, screens);
    }

    public ConsoleContext context() {
        return context;
    }

    public MainWindow window() {
        return window;
    }

    public ThemeSwitcher themes() {
        return themes;
    }

    /** Completes once the relay listens and the feed runs (or fails when it could not start). */
    public CompletableFuture<Void> started() {
        return started;
    }

    private void showHelp() {
        HelpSheet.show(stage, shortcuts);
    }

    public List<Shortcut> shortcuts() {
        return shortcuts;
    }

    private void restoreGeometry(WindowGeometry g) {
        stage.setWidth(g.width());
        stage.setHeight(g.height());
        if (g.hasPosition()) {
            stage.setX(g.x());
            stage.setY(g.y());
        }
        stage.setMaximized(g.maximized());
    }

    private static String describe(Throwable error) {
        Throwable t = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (t instanceof ConfigException) {
            return "the configuration is invalid: " + t.getMessage();
        }
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return "the relay could not start: " + t.getMessage();
    }

    /** Saves the window geometry; stops the feed, the screens, the background threads and the engine. FX thread. */
    @Override
    public void close() {
        closed = true;
        if (stage.getWidth() > 0) {
            context.preferences().saveWindowGeometry(new WindowGeometry(stage.getX(), stage.getY(),
                    stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        }
        ConsoleFeed f = feed;
        if (f != null) {
            f.close();
        }
        for (Screen screen : window.screens()) {
            try {
                screen.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the {} screen failed", screen.title(), e);
            }
        }
        context.close();
    }
}
