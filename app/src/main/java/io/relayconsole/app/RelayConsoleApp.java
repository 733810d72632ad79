package io.relayconsole.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.relayconsole.app.overview.OverviewView;
import io.relayconsole.app.overview.OverviewViewModel;
import io.relayconsole.app.service.RelayService;
import io.relayconsole.app.service.SnapshotFeed;
import io.relayconsole.config.DevelopmentConfig;
import io.relayconsole.config.RelayConfig;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop console: hosts the relay engine in-process and shows what it does. */
public class RelayConsoleApp extends Application {
    static final long SNAPSHOT_PERIOD_MILLIS = 250;

    private final RelayService service = new RelayService();
    private SnapshotFeed feed;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        boolean dark = Boolean.parseBoolean(System.getProperty("relayconsole.dark", "false"));
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());

        OverviewViewModel overview = new OverviewViewModel();
        stage.setTitle("Relay Console");
        stage.setScene(new Scene(new OverviewView(overview), 1100, 640));
        stage.show();

        RelayConfig config = DevelopmentConfig.create();
        service.start(config).whenComplete((runtime, error) -> Platform.runLater(() -> {
            if (error != null) {
                overview.failed("The relay could not start: " + rootMessage(error));
            } else {
                feed = new SnapshotFeed(runtime.relay(), SNAPSHOT_PERIOD_MILLIS, overview::apply);
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
        service.close();
    }
}
