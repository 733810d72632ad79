package io.relayconsole.app;

import static io.relayconsole.app.testing.TestConsole.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.app.shell.Screen;
import io.relayconsole.app.testing.TestConsole;
import io.relayconsole.app.upstream.UpstreamScreen;
import io.relayconsole.app.workspace.WorkspaceChooser;
import io.relayconsole.relay.RelayEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The Workspace area as a developer uses it, through the whole console with its own preferences: the file dialogs
 * answer with a temporary folder, everything else is clicked.
 */
class WorkspaceFlowTest extends FxRobot {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private TestConsole console;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void aFlagEditedInTheConsoleIsStillThereAfterTheConsoleRestarts() throws Exception {
        Path folder = openConsoleOnANewWorkspace("team-flags");
        assertThat(Files.exists(folder.resolve("development.json"))).as("created from the current data").isTrue();

        selectFlag("new-checkout");
        boolean wasOn = text("#editor-summary").contains(", on");
        ConsoleFlowsTest.click(this, "#editor-toggle");
        awaitText("#editor-message", "\u2714 new-checkout is now version ");
        awaitText("#workspace-saved", "saved at ");

        console.restart();

        showUpstream();
        awaitText("#workspace-path", folder.toString());
        selectFlag("new-checkout");
        awaitText("#editor-summary", "new-checkout: version ");
        assertThat(text("#editor-summary")).contains(wasOn ? ", off" : ", on");
        RelayEnvironment env = console.session().context().service().runtime().relay().environment("development")
                .orElseThrow();
        assertThat(env.store().knownData().flags().get("new-checkout").jsonString())
                .as("what the relay serves after the restart").contains("\"on\":" + !wasOn);
    }

    @Test
    void aSnapshotOfAnEnvironmentPutsItsFlagsIntoTheWorkspace() throws Exception {
        Path folder = openConsoleOnANewWorkspace("local");

        // staging gets a flag development does not have, then staging is snapshotted into development.
        interact(() -> console.session().context().selectedEnvironmentProperty().set("staging"));
        interact(() -> lookup("#editor-new-flag").queryAs(TextField.class).setText("staging-only"));
        ConsoleFlowsTest.click(this, "#editor-add-flag");
        awaitText("#editor-message", "\u2714 Added Boolean flag staging-only");
        interact(() -> lookup("#workspace-snapshot-into").queryAs(ChoiceBox.class).setValue("development"));
        ConsoleFlowsTest.click(this, "#workspace-snapshot");
        awaitText("#workspace-result", "\u2714 Snapshot of staging saved into development: ");

        assertThat(Files.readString(folder.resolve("development.json"))).contains("\"staging-only\"");
        interact(() -> console.session().context().selectedEnvironmentProperty().set("development"));
        await().atMost(WAIT).until(() -> fx(() -> flagList().getItems().contains("staging-only")));
        awaitText("#workspace-saved", "saved at ");
    }

    /** Opens the console and, from its Upstream screen, a new workspace folder; waits until its files are saved. */
    private Path openConsoleOnANewWorkspace(String name) throws Exception {
        Path folder = dir.resolve(name);
        console = TestConsole.open();
        openWorkspaceFolder(folder);
        awaitText("#workspace-saved", "saved at ");
        return folder;
    }

    private void openWorkspaceFolder(Path folder) {
        UpstreamScreen upstream = showUpstream();
        upstream.workspace().useChooser((ask, owner) -> ask == WorkspaceChooser.Ask.OPEN_FOLDER
                ? Optional.of(folder) : Optional.empty());
        ConsoleFlowsTest.click(this, "#workspace-open-folder");
        awaitText("#workspace-result", "\u2714 Workspace " + folder + ": 2 environment(s)");
        awaitText("#workspace-path", folder.toString());
    }

    private UpstreamScreen showUpstream() {
        List<Screen> screens = console.session().window().screens();
        int index = 0;
        while (!(screens.get(index) instanceof UpstreamScreen)) {
            index++;
        }
        int upstream = index;
        interact(() -> console.session().window().select(upstream));
        await().atMost(WAIT).until(() -> fx(() -> console.session().window().current()) instanceof UpstreamScreen);
        return (UpstreamScreen) screens.get(upstream);
    }

    @SuppressWarnings("unchecked")
    private ListView<String> flagList() {
        return lookup("#editor-flags").queryAs(ListView.class);
    }

    private void selectFlag(String key) {
        await().atMost(WAIT).until(() -> fx(() -> flagList().getItems().contains(key)));
        interact(() -> flagList().getSelectionModel().select(key));
    }

    private String text(String id) {
        return fx(() -> lookup(id).queryAs(Label.class).getText());
    }

    private void awaitText(String id, String start) {
        await().atMost(WAIT).until(() -> text(id).startsWith(start));
    }
}
