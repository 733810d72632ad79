package io.relayconsole.app;

import static io.relayconsole.app.ConsoleFlowsTest.click;
import static io.relayconsole.app.ConsoleFlowsTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.app.controls.ControlsScreen;
import io.relayconsole.app.controls.DemoRedis;
import io.relayconsole.app.scenarios.ScenariosScreen;
import io.relayconsole.app.service.RelayService;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.ConsoleFeed;
import io.relayconsole.app.shell.MainWindow;
import io.relayconsole.app.timeline.TimelineRow;
import io.relayconsole.app.timeline.TimelineScreen;
import io.relayconsole.config.DevelopmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.demo.Scenario;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.store.redis.RedisDataStore;
import io.relayconsole.store.redis.RedisStoreOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Timeline and Scenarios screens and the fault-proxy store outage, against a real relay on a free port. */
@ExtendWith(ApplicationExtension.class)
class TimelineScenariosFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final ConsoleContext context = new ConsoleContext();
    private final RelayService service = context.service();
    private TimelineScreen timeline;
    private ScenariosScreen scenarios;
    private ControlsScreen controls;
    private MainWindow window;
    private volatile ConsoleFeed feed;
    private DemoRedis redis;

    @Start
    void start(Stage stage) {
        timeline = new TimelineScreen(context);
        scenarios = new ScenariosScreen(context);
        controls = new ControlsScreen(context);
        window = new MainWindow(new Label(), List.of(timeline, scenarios, controls));
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
        service.start(DevelopmentConfig.create().withMain(MainConfig.defaults().withPort(0)))
                .thenAccept(runtime -> Platform.runLater(
                        () -> feed = new ConsoleFeed(runtime.relay(), context::apply, context.tasks())));
    }

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        scenarios.controller().close();
        controls.controller().close();
        timeline.close();
        context.close();
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void runningScenarioTwoFromTheScreenShowsMatches(FxRobot robot) {
        robot.interact(() -> window.select(1));
        ListView<?> list = robot.lookup("#scenario-list").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(Scenario.STORE_OUTAGE_WITH_TTL.ordinal()));
        click(robot, "#scenario-run");

        await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
                assertThat(text(robot, "#scenario-verdict")).startsWith("matches"));
        assertThat(scenarios.model().observed().rows()).isNotEmpty().noneMatch(TimelineRow::marked)
                .as("the shortened wait is a tolerated difference, marked muted").anyMatch(TimelineRow::tolerated);
        assertThat(text(robot, "#scenario-differences")).contains("tolerated: observed step");
        assertThat(scenarios.model().observedMermaid()).startsWith("sequenceDiagram")
                .contains("Relay Proxy-xPersistent Store");
    }

    @Test
    void presenterModeHighlightsEachStepAsItHappensAndEndsWithTheExplanationAndTheImageExports(FxRobot robot,
            @TempDir Path dir) throws Exception {
        robot.interact(() -> window.select(1));
        ListView<?> list = robot.lookup("#scenario-list").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(Scenario.STORE_UP_WITH_TTL.ordinal()));
        click(robot, "#scenario-pace");
        robot.clickOn("10\u00d7 faster (TTL 3 s)");
        click(robot, "#scenario-present");

        await().atMost(WAIT).untilAsserted(() -> {
            List<TimelineRow> rows = List.copyOf(scenarios.model().observed().rows());
            assertThat(rows).hasSizeGreaterThan(2);
            assertThat(rows).filteredOn(TimelineRow::current).as("only the newest step is highlighted")
                    .containsExactly(rows.get(rows.size() - 1));
        });
        // While the TTL passes, the last step was the relay answering SDK1: the topology lights SDK1's edge.
        await().atMost(WAIT).untilAsserted(() -> assertThat(litOnTopology(robot)).containsExactly("edge-sdk-1:current"));
        assertThat(robot.lookup("#scenario-topology").query().isVisible()).isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(text(robot, "#scenario-explanation")).startsWith("What you just saw: ")
                        .contains("cache TTL"));
        assertThat(text(robot, "#scenario-verdict")).startsWith("matches on demo database");
        assertThat(robot.lookup("#scenario-explanation").queryAs(Label.class).isVisible()).isTrue();
        assertThat(scenarios.model().observed().rows()).noneMatch(TimelineRow::current);
        assertThat(litOnTopology(robot)).as("nothing stays lit once the presentation ends").isEmpty();
        assertThat(robot.lookup("#scenario-topology").query().isVisible()).as("the topology stays with its scenario")
                .isTrue();
        assertThat(text(robot, "#scenario-topology #node-relay-state")).isEqualTo("serving SDKs");

        Path png = dir.resolve("scenario-1.png");
        robot.interact(() -> scenarios.view().saveImageTo(png));
        await().atMost(WAIT).untilAsserted(() -> assertThat(scenarios.model().messageProperty().get())
                .startsWith("\u2714 Saved a 1000\u00d7"));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).as("the header and every row, not only those in view")
                .isGreaterThanOrEqualTo(44 + 34 * scenarios.model().observed().rows().size());
    }

    /** The topology's lit elements on the Scenarios screen, as "id:current" or "id:failure". */
    private static List<String> litOnTopology(FxRobot robot) {
        return robot.lookup("#scenario-topology").queryAs(javafx.scene.Parent.class).getChildrenUnmodifiable().stream()
                .flatMap(n -> n.getPseudoClassStates().stream()
                        .filter(p -> p.getPseudoClassName().equals("current") || p.getPseudoClassName().equals("failure"))
                        .map(p -> n.getId() + ":" + p.getPseudoClassName()))
                .toList();
    }

    @Test
    void pickingRedisRunsScenarioTwoOnARealRedisAndTheVerdictNamesIt(FxRobot robot) {
        robot.interact(() -> window.select(1));
        ListView<?> list = robot.lookup("#scenario-list").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(Scenario.STORE_OUTAGE_WITH_TTL.ordinal()));
        click(robot, "#scenario-store");
        robot.clickOn("on Redis");
        assertThat(scenarios.model().backendProperty().get()).isEqualTo(io.relayconsole.demo.ScenarioBackend.REDIS);
        click(robot, "#scenario-run");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(text(robot, "#scenario-verdict")).startsWith("matches on Redis"));
        assertThat(text(robot, "#scenario-differences")).contains("tolerated: observed step")
                .contains("(a shortened wait)");
    }

    @Test
    void cuttingTheStoreThroughTheFaultProxyShowsThe503InTheTimelineAndExports(FxRobot robot, @TempDir Path dir)
            throws Exception {
        await().atMost(WAIT).until(() -> feed != null && timeline.recorder() != null);
        RelayEnvironment env = service.runtime().relay().environment("development").orElseThrow();
        redis = DemoRedis.launch(); // a real redis-server, started with ProcessBuilder
        env.store().switchTo(new RedisDataStore(RedisStoreOptions.builder().url(redis.url()).prefix("development").build()),
                Duration.ofSeconds(30));

        robot.interact(() -> window.select(2));
        click(robot, "#proxy-insert");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(robot, "#proxy-status")).contains("passing traffic"));
        assertThat(env.store().description().dbServer()).doesNotContain(":" + redis.port());
        click(robot, "#proxy-cut");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(robot, "#proxy-status")).contains("CUT"));
        env.store().clearCache();

        robot.interact(() -> window.select(0));
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + service.runtime().relay().port() + "/sdk/latest-all"))
                .header("Authorization", DevelopmentConfig.DEVELOPMENT_SDK_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(503);

        await().atMost(WAIT).untilAsserted(() -> {
            List<TimelineRow> rows = List.copyOf(timeline.model().diagram().rows());
            assertThat(rows).anyMatch(r -> r.isFailure() && r.label().equals("Get all flags - FAILED"));
            assertThat(rows).anyMatch(r -> r.isResponse() && r.detail() != null && r.detail().startsWith("503"));
        });

        Path file = dir.resolve("timeline.mmd");
        robot.interact(() -> timeline.view().saveTo(file));
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(robot, "#timeline-message")).startsWith("\u2714 Saved"));
        assertThat(Files.readString(file)).startsWith("sequenceDiagram\n")
                .contains("SDK1->>Relay Proxy: Polling request /sdk/latest-all")
                .contains("Relay Proxy-xPersistent Store: Get all flags - FAILED")
                .contains("Relay Proxy-->>SDK1: Service Unavailable");
    }
}
