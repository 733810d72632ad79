package io.relayconsole.app;

import static io.relayconsole.app.testing.TestConsole.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.app.logs.LogsScreen;
import io.relayconsole.app.sdks.SdkRow;
import io.relayconsole.app.sdks.SdksScreen;
import io.relayconsole.app.shell.ConsoleSession;
import io.relayconsole.app.testing.DemoSdkClient;
import io.relayconsole.app.testing.TestConsole;
import io.relayconsole.config.DevelopmentConfig;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;

/**
 * The console as a user drives it: a real engine on a free port, real SDK streams, keyboard and clicks. One
 * console serves every test (starting the engine dominates the time); each test leaves it as it found it.
 */
class ConsoleFlowTest extends FxRobot {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestConsole console;
    private static ConsoleSession session;

    @BeforeAll
    static void openConsole() throws Exception {
        console = TestConsole.open();
        session = console.session();
    }

    @AfterAll
    static void closeConsole() throws Exception {
        console.close();
    }

    @Test
    void bannerBecomesHealthyAndShowsThePort() {
        await().atMost(WAIT).until(() -> fx(() -> lookup("#health-headline").queryAs(Label.class).getText())
                .equals("Healthy"));
        int port = session.context().service().runtime().relay().port();
        assertThat(fx(() -> lookup("#sdk-port").queryAs(Label.class).getText())).isEqualTo("SDK port " + port);
        assertThat(fx(() -> lookup("#health-reason").queryAs(Label.class).getText()))
                .startsWith("serving 2 environments");
    }

    @Test
    void ctrl2SwitchesToTheSdksScreenWhereAClientAppearsAndIsDisconnectedFromTheUi() throws Exception {
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        await().atMost(WAIT).until(() -> fx(() -> session.window().current()) instanceof SdksScreen);

        int port = session.context().service().runtime().relay().port();
        try (DemoSdkClient client = DemoSdkClient.stream(port, DevelopmentConfig.DEVELOPMENT_SDK_KEY,
                "JavaClient/7.13.0", null)) {
            assertThat(client.statusLine()).contains("200");
            TableView<SdkRow> table = lookup("#sdk-table").queryTableView();
            await().atMost(WAIT).until(() -> fx(() -> table.getItems().size()) == 1);
            SdkRow row = fx(() -> table.getItems().get(0));
            assertThat(row.sdk()).isEqualTo("Java server SDK");
            assertThat(row.version()).isEqualTo("7.13.0");
            // The counts above the table are the engine's meters, as /metrics publishes them.
            await().atMost(WAIT).until(() -> fx(() -> lookup("#sdk-meters").queryAs(Label.class).getText())
                    .startsWith("1 stream open,"));

            interact(() -> table.getSelectionModel().select(0));
            clickOn("#sdk-disconnect");
            DialogPane dialog = lookup(".dialog-pane").queryAs(DialogPane.class);
            assertThat(dialog.getContentText()).contains("Java server SDK 7.13.0");
            clickOn((Button) dialog.lookupButton(ButtonType.OK));

            await().atMost(WAIT).until(() -> fx(() -> table.getItems().isEmpty()));
            await().atMost(WAIT).until(() -> fx(() -> lookup("#sdk-meters").queryAs(Label.class).getText())
                    .startsWith("0 streams open,"));
            assertThat(client.closedByRelay()).isTrue();
            assertThat(fx(() -> lookup("#sdk-result").queryAs(Label.class).getText()))
                    .startsWith("Disconnected Java server SDK 7.13.0");
        }
    }

    @Test
    void f1ShowsEveryShortcut() {
        press(KeyCode.F1).release(KeyCode.F1);
        GridPane sheet = lookup("#help-sheet").queryAs(GridPane.class);
        List<String> descriptions = fx(() -> sheet.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == 1)
                .map(n -> ((Label) n).getText()).toList());
        assertThat(descriptions).contains("Refresh the relay's state now", "Search on the current screen",
                "Show SDKs", "Show Logs", "Show this list of shortcuts");
        DialogPane dialog = lookup(".dialog-pane").queryAs(DialogPane.class);
        clickOn((Button) dialog.lookupButton(ButtonType.CLOSE));
    }

    @Test
    void logsFollowNewEntries() {
        interact(() -> session.window().select(indexOf(LogsScreen.class)));
        interact(() -> ((LogsScreen) session.window().current()).model().followProperty().set(true));
        assertThat(fx(() -> session.window().current())).isInstanceOf(LogsScreen.class);
        String marker = "flow-test-marker-" + UUID.randomUUID();
        for (int i = 0; i < 200; i++) {
            LoggerFactory.getLogger("io.relayconsole.test").info("{} line {}", marker, i);
        }
        TableView<?> table = lookup("#log-table").queryTableView();
        LogsScreen logs = (LogsScreen) fx(() -> session.window().current());
        await().atMost(WAIT).until(() -> fx(() -> logs.model().visible().stream()
                .anyMatch(e -> e.message().equals(marker + " line 199"))));
        // Following: the newest line is in view, so the last visible row is the table's last row.
        await().atMost(WAIT).until(() -> fx(() -> lastRowShown(table)));
    }

    private static boolean lastRowShown(TableView<?> table) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        return flow.getLastVisibleCell() != null
                && flow.getLastVisibleCell().getIndex() == table.getItems().size() - 1;
    }

    private int indexOf(Class<?> screenType) {
        return fx(() -> {
            List<?> screens = session.window().screens();
            for (int i = 0; i < screens.size(); i++) {
                if (screenType.isInstance(screens.get(i))) {
                    return i;
                }
            }
            throw new AssertionError("no " + screenType.getSimpleName() + " registered");
        });
    }
}
