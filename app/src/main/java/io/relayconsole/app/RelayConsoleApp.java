package io.relayconsole.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.relayconsole.app.overview.OverviewScreen;
import io.relayconsole.app.service.RelayService;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.ConsoleFeed;
import io.relayconsole.app.shell.MainWindow;
import io.relayconsole.app.shell.Screen;
import io.relayconsole.config.DevelopmentConfig;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop console: hosts the relay engine in-process and shows what it does. */
public class RelayConsoleApp extends Application {
    private final RelayService service = new RelayService();
    private final ConsoleContext context = new ConsoleContext(service);
    private ConsoleFeed feed;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        boolean dark = Boolean.parseBoolean(System.getProperty("relayconsole.dark", "false"));
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());

        OverviewScreen overview = new OverviewScreen(context);
        List<Screen> screens = List.of(overview,
                new io.relayconsole.app.flags.FlagsScreen(context),
                new io.relayconsole.app.store.StoreScreen(context),
                new io.relayconsole.app.upstream.UpstreamScreen(context),
                new io.relayconsole.app.controls.ControlsScreen(context));
        MainWindow window = new MainWindow(new Label(), screens);
        stage.setTitle("Relay Console");
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();

        service.start(DevelopmentConfig.create()).whenComplete((runtime, error) -> Platform.runLater(() -> {
            if (error != null) {
                overview.model().failed("The relay could not start: " + rootMessage(error));
            } else {
                feed = new ConsoleFeed(runtime.relay(), context::apply);
            }
        }));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public void stop() {
        if (feed != null) {
            feed.close();
        }
        context.close();
        service.close();
    }
}
