package io.relayconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.app.controls.DemoRedis;
import io.relayconsole.app.controls.DemoSdkRow;
import io.relayconsole.app.flags.FlagRow;
import io.relayconsole.app.flags.LiveFlagRow;
import io.relayconsole.model.DataKind;
import io.relayconsole.relay.RelayEnvironment;
import java.time.Duration;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** What an operator does on the flags, store, upstream and controls screens, against a real relay. */
@ExtendWith(ApplicationExtension.class)
class ConsoleFlowsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private ConsoleFixture console;
    private DemoRedis redis;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture();
        console.show(stage);
    }

    @AfterEach
    void stop() {
        console.close();
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void switchingToARealRedisThenEachStoreActionReportsItsResult(FxRobot robot) {
        RelayEnvironment env = console.awaitReady();
        redis = DemoRedis.launch(); // a real redis-server for the test, started with ProcessBuilder
        robot.interact(() -> console.window.select(1));

        robot.interact(() -> robot.lookup("#store-backend-choice").queryAs(ChoiceBox.class)
                .getSelectionModel().select(io.relayconsole.app.store.StoreBackend.REDIS));
        robot.interact(() -> robot.lookup("#redis-url").queryAs(TextField.class).setText(redis.url()));
        click(robot, "#store-test");
        awaitText(robot, "#store-result", "\u2714 Connected to redis redis://127.0.0.1:" + redis.port());
        click(robot, "#store-switch");
        awaitText(robot, "#store-result", "\u2714 Switch store to redis");
        await().atMost(WAIT).until(() -> text(robot, "#store-backend").startsWith("redis redis://127.0.0.1:"));
        assertThat(env.store().description().dbPrefix()).isEqualTo("development");

        runAction(robot, "#action-rewrite", "\u2714 Rewrite store from cache: wrote ");
        runAction(robot, "#action-clear", "\u2714 Clear cache: the next request reads the store");
        runAction(robot, "#action-reload", "\u2714 Reload cache from store: read ");
        runAction(robot, "#action-resync", "\u2714 Resync from upstream: received and stored ");
    }

    @Test
    void takingTheDemoStoreDownRefusesNewSdksWith503UntilItIsBack(FxRobot robot) {
        RelayEnvironment env = console.awaitReady();
        robot.interact(() -> console.window.select(3));
        click(robot, "#redis-launch");
        await().atMost(WAIT).until(() -> env.store().description().isPersistent());
        click(robot, "#sdk-attach");
        await().atMost(WAIT).until(() -> sdkRows(robot).size() == 1
                && sdkRows(robot).get(0).health() == DemoSdkRow.Health.SERVED);
        assertThat(sdkRows(robot).get(0).flagValue()).isEqualTo("false");

        // With the cache empty and the store stopped, a new SDK cannot be served.
        runAction(robot, "#action-clear", "\u2714 Clear cache");
        click(robot, "#redis-stop");
        await().atMost(WAIT).until(() -> !env.storeStatus().available());
        robot.interact(() -> console.window.select(1));
        awaitText(robot, "#store-state", "unavailable");
        robot.interact(() -> console.window.select(3));
        click(robot, "#sdk-attach");
        await().atMost(WAIT).until(() -> sdkRows(robot).size() == 2
                && sdkRows(robot).get(1).state().contains("HTTP 503"));
        assertThat(sdkRows(robot).get(1).health()).isNotEqualTo(DemoSdkRow.Health.SERVED);
        assertThat(sdkRows(robot).get(0).health()).isEqualTo(DemoSdkRow.Health.SERVED);
        assertThat(refusedWith503(console)).isTrue();

        click(robot, "#redis-start");
        await().atMost(Duration.ofSeconds(30)).until(() -> sdkRows(robot).get(1).health() == DemoSdkRow.Health.SERVED);
    }

    @Test
    void aFlagEditedInTheBuiltInUpstreamShowsItsNewVersionInTheFlagsTable(FxRobot robot) {
        RelayEnvironment env = console.awaitReady();
        long before = env.store().knownData().flags().get("new-checkout").version();
        robot.interact(() -> console.window.select(2));
        await().atMost(WAIT).until(() -> robot.lookup("#editor-flags").queryAs(ListView.class).getItems()
                .contains("new-checkout"));
        robot.interact(() -> robot.lookup("#editor-flags").queryAs(ListView.class).getSelectionModel()
                .select("new-checkout"));
        click(robot, "#editor-toggle");
        awaitText(robot, "#editor-message", "\u2714 new-checkout is now version " + (before + 1));

        robot.interact(() -> robot.lookup("#editor-variations").queryAs(TextField.class).setText("[true,false,true]"));
        robot.interact(() -> robot.lookup("#editor-fallthrough").queryAs(TextField.class).setText("2"));
        click(robot, "#editor-save");
        awaitText(robot, "#editor-message", "\u2714 new-checkout is now version " + (before + 2));
        // Streamed live: the relay has it.
        await().atMost(WAIT).until(() -> env.store().knownData().flags().get("new-checkout").version() == before + 2);

        robot.interact(() -> robot.lookup("#editor-new-flag").queryAs(TextField.class).setText("console-made"));
        click(robot, "#editor-add-flag");
        await().atMost(WAIT).until(() -> env.store().knownData().flags().containsKey("console-made"));

        robot.interact(() -> console.window.select(0));
        robot.interact(() -> robot.lookup("#flags-search").queryAs(TextField.class).setText("new-check"));
        await().atMost(WAIT).until(() -> {
            List<FlagRow> rows = flagRows(robot);
            return rows.size() == 1 && rows.get(0).version() == before + 2 && rows.get(0).lastChange() != null;
        });
        assertThat(flagRows(robot).get(0).on()).isEqualTo(false);
        robot.interact(() -> robot.lookup("#flags-table").queryAs(TableView.class).getSelectionModel().select(0));
        await().atMost(WAIT).until(() -> text(robot, "#flags-json").contains("\"version\" : " + (before + 2)));
        assertThat(flagRows(robot).get(0).freshness().text()).isEqualTo("in memory");
        assertThat(flagRows(robot).get(0).kind()).isEqualTo(DataKind.FEATURES);
    }

    private static boolean refusedWith503(ConsoleFixture console) {
        return console.runtime().relay().requests().recent().stream().anyMatch(r -> r.status() == 503);
    }

    @Test
    void aDuplicateAndADeleteInTheFlagEditorCanEachBeUndone(FxRobot robot) {
        RelayEnvironment env = console.awaitReady();
        robot.interact(() -> console.window.select(2));
        await().atMost(WAIT).until(() -> robot.lookup("#editor-flags").queryAs(ListView.class).getItems()
                .contains("new-checkout"));
        robot.interact(() -> robot.lookup("#editor-flags").queryAs(ListView.class).getSelectionModel()
                .select("new-checkout"));
        robot.interact(() -> robot.lookup("#editor-new-flag").queryAs(TextField.class).setText("checkout-copy"));
        click(robot, "#editor-duplicate-flag");
        awaitText(robot, "#editor-message", "\u2714 Duplicated new-checkout as checkout-copy");
        await().atMost(WAIT).until(() -> served(env, "checkout-copy"));
        assertThat(env.store().knownData().flags().get("checkout-copy").jsonString())
                .as("the copy keeps the rules").contains("rule-checkout-example-staff");

        assertThat(robot.lookup("#editor-undo").queryButton().getText()).isEqualTo("Undo duplicate checkout-copy");
        click(robot, "#editor-undo");
        awaitText(robot, "#editor-message", "\u2714 Undid the duplicate checkout-copy: checkout-copy removed again");
        await().atMost(WAIT).until(() -> !served(env, "checkout-copy"));

        click(robot, "#editor-delete-flag");
        awaitText(robot, "#editor-message", "\u2714 Deleted new-checkout");
        await().atMost(WAIT).until(() -> !served(env, "new-checkout"));
        assertThat(robot.lookup("#editor-undo").queryButton().getText()).isEqualTo("Undo delete of new-checkout");
        click(robot, "#editor-undo");
        awaitText(robot, "#editor-message", "\u2714 Undid the delete of new-checkout: new-checkout is now version ");
        await().atMost(WAIT).until(() -> served(env, "new-checkout"));
    }

    private static boolean served(RelayEnvironment env, String key) {
        var item = env.store().knownData().flags().get(key);
        return item != null && !item.deleted();
    }

    /** Clicks as a user would, after scrolling the screen so the node is in view. */
    static void click(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            for (Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane pane) {
                    Bounds inContent = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double hidden = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
                    if (hidden > 0) {
                        pane.setVvalue(Math.min(1, Math.max(0, inContent.getMinY() / hidden)));
                    }
                    return;
                }
            }
        });
        robot.clickOn(node);
    }

    private void runAction(FxRobot robot, String button, String expected) {
        click(robot, button);
        Button ok = robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("OK")).queryButton();
        robot.clickOn(ok);
        awaitText(robot, "#store-action-result", expected);
    }

    private static void awaitText(FxRobot robot, String query, String prefix) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(robot, query)).startsWith(prefix));
    }

    static String text(FxRobot robot, String query) {
        Object node = robot.lookup(query).query();
        if (node instanceof Label label) {
            return label.getText();
        }
        return ((javafx.scene.control.TextInputControl) node).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<DemoSdkRow> sdkRows(FxRobot robot) {
        return List.copyOf(robot.lookup("#demo-sdks").queryAs(TableView.class).getItems());
    }

    @SuppressWarnings("unchecked")
    private static List<FlagRow> flagRows(FxRobot robot) {
        List<LiveFlagRow> lines = List.copyOf(robot.lookup("#flags-table").queryAs(TableView.class).getItems());
        return lines.stream().map(LiveFlagRow::row).toList();
    }
}
