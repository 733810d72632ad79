package io.relayconsole.app;

import static io.relayconsole.app.testing.TestConsole.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.app.overview.OverviewScreen;
import io.relayconsole.app.sdks.SdkRow;
import io.relayconsole.app.sdks.SdksScreen;
import io.relayconsole.app.shell.ConsoleSession;
import io.relayconsole.app.testing.TestConsole;
import io.relayconsole.app.timeline.TimelineRow;
import io.relayconsole.app.timeline.TimelineScreen;
import io.relayconsole.config.DevelopmentConfig;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Browser SDKs as the console shows them: an evalx poll and an {@code /eval} stream, sent over HTTP with the
 * headers LaunchDarkly's browser SDK sends, against the console's own relay. The SDKs screen names the SDK from
 * {@code X-LaunchDarkly-User-Agent}, shows the context's kind and stream or poll, and shows the context's
 * attributes only once the operator asks; the Overview counts the browser; the Timeline draws both requests.
 */
class ClientSdksFlowTest extends FxRobot {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String SECRET_ATTRIBUTE = "gerd@example.com";
    private static final String CONTEXT = "{\"kind\":\"user\",\"key\":\"gerd\",\"email\":\"" + SECRET_ATTRIBUTE
            + "\"}";
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
    void browserPollsAndStreamsAreListedCountedAndDrawn() throws Exception {
        int port = session.context().service().runtime().relay().port();
        String envId = DevelopmentConfig.DEVELOPMENT_CLIENT_SIDE_ID;
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(CONTEXT.getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> poll = http.send(browserRequest(port, "/sdk/evalx/" + envId + "/contexts/" + encoded)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(poll.statusCode()).isEqualTo(200);
        HttpResponse<InputStream> stream = http.send(browserRequest(port, "/eval/" + envId + "/" + encoded).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);

            press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
            await().atMost(WAIT).until(() -> fx(() -> session.window().current()) instanceof SdksScreen);
            TableView<SdkRow> table = lookup("#sdk-table").queryTableView();
            await().atMost(WAIT).until(() -> fx(() -> table.getItems().stream()
                    .filter(r -> r.sdk().equals("JavaScript browser SDK")).count()) == 2);
            List<SdkRow> browsers = fx(() -> table.getItems().stream()
                    .filter(r -> r.sdk().equals("JavaScript browser SDK")).toList());
            assertThat(browsers).extracting(SdkRow::mode).containsExactlyInAnyOrder("stream", "poll");
            assertThat(browsers).extracting(SdkRow::version).containsOnly("3.9.5");
            assertThat(browsers).extracting(SdkRow::contextKind).containsOnly("user");
            assertThat(browsers).extracting(SdkRow::environment).containsOnly("development");

            // What the table shows: no attribute anywhere until the operator asks.
            assertThat(shownCells(table)).noneMatch(cell -> cell.contains(SECRET_ATTRIBUTE)).contains("user");
            clickOn("#sdk-show-contexts");
            assertThat(fx(() -> lookup("#sdk-show-contexts").queryAs(CheckBox.class).isSelected())).isTrue();
            assertThat(shownCells(table)).anyMatch(cell -> cell.contains(SECRET_ATTRIBUTE));
            clickOn("#sdk-show-contexts");
            assertThat(shownCells(table)).noneMatch(cell -> cell.contains(SECRET_ATTRIBUTE));

            press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
            await().atMost(WAIT).until(() -> fx(() -> session.window().current()) instanceof OverviewScreen);
            await().atMost(WAIT).untilAsserted(() -> assertThat(fx(() -> lookup("#node-sdks").queryAll().stream()
                    .flatMap(n -> n.lookupAll(".label").stream()).map(l -> ((Label) l).getText()).toList()))
                    .anyMatch(t -> t.startsWith("1 browser \u00b7")));

            TimelineScreen timeline = fx(() -> session.window().screens().stream()
                    .filter(TimelineScreen.class::isInstance).map(TimelineScreen.class::cast).findFirst()
                    .orElseThrow());
            interact(() -> session.window().select(session.window().screens().indexOf(timeline)));
            await().atMost(WAIT).untilAsserted(() -> assertThat(fx(() -> timeline.model().diagram().rows()
                    .stream().map(TimelineRow::label).toList())).contains(
                            "Evaluation request /sdk/evalx", "Flag values",
                            "Streaming request /eval/" + envId + "/{user}")
                    .noneMatch(label -> label.contains(encoded) || label.contains(SECRET_ATTRIBUTE)));
        }
    }

    private static HttpRequest.Builder browserRequest(int port, String path) {
        // What launchdarkly-js-client-sdk 3.9.5 sends from Chromium: the browser's User-Agent, its own in X-LD-UA.
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0")
                .header("X-LaunchDarkly-User-Agent", "JSClient/3.9.5")
                .header("Origin", "http://localhost:5173");
    }

    /** Every cell text of the table's visible columns, as a user reads them. */
    private static List<String> shownCells(TableView<SdkRow> table) {
        return fx(() -> {
            List<String> cells = new java.util.ArrayList<>();
            for (TableColumn<SdkRow, ?> column : table.getVisibleLeafColumns()) {
                for (int i = 0; i < table.getItems().size(); i++) {
                    Object value = column.getCellData(i);
                    cells.add(value == null ? "" : value.toString());
                }
            }
            return cells;
        });
    }
}
