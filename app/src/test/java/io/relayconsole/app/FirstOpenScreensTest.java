package io.relayconsole.app;

import static io.relayconsole.app.testing.TestConsole.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.app.overview.OverviewScreen;
import io.relayconsole.app.sdks.SdkRow;
import io.relayconsole.app.sdks.SdksScreen;
import io.relayconsole.app.shell.ConsoleSession;
import io.relayconsole.app.testing.DemoSdkClient;
import io.relayconsole.app.testing.TestConsole;
import io.relayconsole.app.timeline.TimelineScreen;
import io.relayconsole.config.DevelopmentConfig;
import java.time.Duration;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Screens build their views when first opened (the first frame carries only the Overview): what happened before
 * must be there when the operator opens one, and closing the console must stop screens never opened.
 */
class FirstOpenScreensTest extends FxRobot {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private TestConsole console;
    private ConsoleSession session;

    @BeforeEach
    void openConsole() throws Exception {
        console = TestConsole.open();
        session = console.session();
    }

    @AfterEach
    void closeConsole() throws Exception {
        console.close();
    }

    @Test
    void theSdksScreenOpenedAfterAClientConnectedListsIt() throws Exception {
        assertThat(fx(() -> session.window().current())).isInstanceOf(OverviewScreen.class);
        int port = session.context().service().runtime().relay().port();
        try (DemoSdkClient client = DemoSdkClient.stream(port, DevelopmentConfig.DEVELOPMENT_SDK_KEY,
                "JavaClient/7.13.0", null)) {
            assertThat(client.statusLine()).contains("200");
            // The console has been told about the stream while the SDKs screen was never opened
            await().atMost(WAIT).until(() -> fx(() -> session.context().snapshotProperty().get() != null
                    && !session.context().snapshotProperty().get().connections().isEmpty()));

            press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
            await().atMost(WAIT).until(() -> fx(() -> session.window().current()) instanceof SdksScreen);
            TableView<SdkRow> table = lookup("#sdk-table").queryTableView();
            assertThat(fx(() -> table.getItems().size())).isEqualTo(1);
            assertThat(fx(() -> table.getItems().get(0).sdk())).isEqualTo("Java server SDK");
        }
    }

    @Test
    void closingTheConsoleStopsTheTimelineRecorderOfANeverOpenedTimeline() throws Exception {
        TimelineScreen timeline = fx(() -> session.window().screens().stream()
                .filter(TimelineScreen.class::isInstance).map(TimelineScreen.class::cast).findFirst().orElseThrow());
        await().atMost(WAIT).until(() -> timeline.recorder() != null);

        console.closeSession();

        assertThat(timeline.recorder()).isNull();
    }
}
