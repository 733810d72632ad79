package io.relayconsole.app;

import static org.awaitility.Awaitility.await;

import io.relayconsole.app.controls.ControlsScreen;
import io.relayconsole.app.flags.FlagsScreen;
import io.relayconsole.app.service.RelayService;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.ConsoleFeed;
import io.relayconsole.app.shell.MainWindow;
import io.relayconsole.app.store.StoreScreen;
import io.relayconsole.app.upstream.UpstreamScreen;
import io.relayconsole.config.DevelopmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.relay.RelayRuntime;
import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The console's flags, store, upstream and controls screens over a real engine on a free port (never 8030),
 * with the built-in upstream, fed exactly as the app feeds them.
 */
final class ConsoleFixture implements AutoCloseable {
    final ConsoleContext context = new ConsoleContext();
    final RelayService service = context.service();
    final FlagsScreen flags = new FlagsScreen(context);
    final StoreScreen store = new StoreScreen(context);
    final UpstreamScreen upstream = new UpstreamScreen(context);
    final ControlsScreen controls = new ControlsScreen(context);
    final MainWindow window = new MainWindow(new Label(), List.of(flags, store, upstream, controls));
    private ConsoleFeed feed;

    /** Call from TestFX's start method (FX thread). */
    void show(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
        service.start(DevelopmentConfig.create().withMain(MainConfig.defaults().withPort(0)))
                .thenAccept(runtime -> Platform.runLater(
                        () -> feed = new ConsoleFeed(runtime.relay(), context::apply, context.tasks())));
    }

    /** Waits until the relay serves the development environment with data from the built-in upstream. */
    RelayEnvironment awaitReady() {
        await().atMost(Duration.ofSeconds(20)).until(() -> feed != null && service.runtime() != null
                && context.selectedEnvironmentProperty().get() != null
                && environment().store().knownData() != null && !environment().store().knownData().flags().isEmpty());
        return environment();
    }

    RelayRuntime runtime() {
        return service.runtime();
    }

    RelayEnvironment environment() {
        return runtime().relay().environment("development").orElseThrow();
    }

    @Override
    public void close() {
        if (feed != null) {
            feed.close();
        }
        controls.controller().close();
        context.close();
    }
}
