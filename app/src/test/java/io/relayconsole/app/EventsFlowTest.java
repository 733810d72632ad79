package io.relayconsole.app;

import static io.relayconsole.app.testing.TestConsole.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import io.relayconsole.app.events.EventsScreen;
import io.relayconsole.app.events.PayloadRow;
import io.relayconsole.app.overview.OverviewScreen;
import io.relayconsole.app.shell.ConsoleSession;
import io.relayconsole.app.testing.TestConsole;
import io.relayconsole.config.DevelopmentConfig;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.UpstreamFault;
import java.net.URI;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Events screen as a user sees it: the real LaunchDarkly Java SDK evaluates flags through the console's
 * development relay (events on, forwarded to the built-in upstream), then the built-in upstream starts answering
 * 503 and the failure shows.
 */
class EventsFlowTest extends FxRobot {
    private static final Duration WAIT = Duration.ofSeconds(40);
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
    void forwardedPayloadsTheSinkAndAFailingEventsServiceAreShown() throws Exception {
        press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        await().atMost(WAIT).until(() -> fx(() -> session.window().current()) instanceof EventsScreen);
        assertThat(text("#events-forwarding")).startsWith("'development' forwards SDK events to http://");

        int port = session.context().service().runtime().relay().port();
        URI relay = URI.create("http://127.0.0.1:" + port);
        LDConfig config = new LDConfig.Builder()
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(relay))
                .events(Components.sendEvents().flushInterval(Duration.ofMillis(200)))
                .diagnosticOptOut(true)
                .build();
        try (LDClient client = new LDClient(DevelopmentConfig.DEVELOPMENT_SDK_KEY, config)) {
            assertThat(client.isInitialized()).isTrue();
            LDContext user = LDContext.create("events-flow-user");
            for (int i = 0; i < 7; i++) {
                client.boolVariation("new-checkout", user, false);
            }
            client.flush();

            // The SDK's payload, as the relay took it: its kinds and the evaluations its summary counts.
            TableView<PayloadRow> recent = lookup("#events-recent").queryTableView();
            await().atMost(WAIT).until(() -> fx(() -> recent.getItems().stream()
                    .anyMatch(r -> r.evaluations() == 7)));
            PayloadRow sent = fx(() -> recent.getItems().stream().filter(r -> r.evaluations() == 7).findFirst()
                    .orElseThrow());
            assertThat(sent.kind()).isEqualTo("server, schema 4");
            assertThat(sent.sdk()).startsWith("JavaClient/7.13.0");
            assertThat(sent.kinds()).isEqualTo("index 1, summary 1");
            assertThat(sent.events()).isEqualTo(2);
            assertThat(sent.outcome()).isEqualTo("queued");

            // Forwarded (flushInterval 5 s) to the built-in upstream, whose sink shows the batch.
            await().atMost(WAIT).until(() -> !text("#events-forwarded").equals("0")
                    && text("#events-forwarded").equals(text("#events-received")));
            assertThat(text("#events-failed")).isEqualTo("0");
            assertThat(text("#events-last-error")).isEqualTo("none");
            TableView<PayloadRow> sink = lookup("#events-sink-recent").queryTableView();
            await().atMost(WAIT).until(() -> fx(() -> sink.getItems().stream()
                    .anyMatch(r -> r.evaluations() == 7 && r.outcome().equals("received"))));
            assertThat(text("#events-sink-summary")).contains("events received");

            // The events service fails: the relay's post and its retry get 503, and the screen says so.
            FlagSimulator upstream = session.context().service().runtime().simulator().orElseThrow();
            upstream.setFault(UpstreamFault.HTTP_503);
            try {
                for (int i = 0; i < 3; i++) {
                    client.boolVariation("new-checkout", user, false);
                }
                client.flush();
                await().atMost(WAIT).until(() -> !text("#events-failed").equals("0"));
                assertThat(text("#events-last-error")).startsWith("HTTP 503 from /bulk at ");

                // The Overview's upstream edge tells the same.
                press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
                await().atMost(WAIT).until(() -> fx(() -> session.window().current()) instanceof OverviewScreen);
                await().atMost(WAIT).until(() -> text("#edge-events").contains(" failed"));
                assertThat(fx(() -> lookup("#edge-events").queryAs(Label.class).getStyleClass()))
                        .contains("danger");
            } finally {
                upstream.setFault(UpstreamFault.NONE);
            }
        }
    }

    private String text(String id) {
        return fx(() -> lookup(id).queryAs(Label.class).getText());
    }

}
