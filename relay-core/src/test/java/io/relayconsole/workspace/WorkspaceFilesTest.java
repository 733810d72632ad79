package io.relayconsole.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.config.SimulatorConfig;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.timeline.TimelineRecorder;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace as a developer uses it: files on disk, edited by hand or by the console, served to a real SDK. */
class WorkspaceFilesTest {
    private static final String KEY = "sdk-12121212-3434-4545-8656-787878787878";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private RelayRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void aFileEditedOnDiskReachesAStreamingSdkAndABadEditKeepsTheLastGoodData() throws Exception {
        Path file = dir.resolve("development.yaml");
        Files.writeString(file, """
                flagValues:
                  greeting: hello
                """);
        runtime = start(dir);
        LDContext user = LDContext.create("dev");
        try (LDClient sdk = sdk(); TimelineRecorder timeline = TimelineRecorder.attachTo(runtime.relay())) {
            assertThat(sdk.stringVariation("greeting", user, "?")).isEqualTo("hello");

            Files.writeString(file, """
                    flagValues:
                      greeting: bonjour
                    """);
            await().atMost(WAIT).until(() -> sdk.stringVariation("greeting", user, "?").equals("bonjour"));

            Files.writeString(file, """
                    flagValues:
                      greeting: [unclosed
                    """);
            Workspace workspace = runtime.workspace().orElseThrow();
            await().atMost(WAIT).until(() -> workspace.status("development").orElseThrow().lastError() != null);
            assertThat(workspace.status("development").orElseThrow().lastError())
                    .startsWith("development.yaml:2:").contains("while parsing a flow sequence");
            assertThat(sdk.stringVariation("greeting", user, "?")).as("last good data").isEqualTo("bonjour");

            // The Timeline draws both on the upstream's lane, the refusal with the file's line.
            await().atMost(WAIT).until(() -> timeline.snapshot("development").toMermaid()
                    .contains("note over LD: Workspace development.yaml refused, last good data kept"));
            assertThat(timeline.snapshot("development").toMermaid())
                    .contains("note over LD: Workspace development.yaml reloaded");
            assertThat(timeline.snapshot("development").steps()).filteredOn(s -> s.text().contains("refused"))
                    .singleElement().satisfies(s -> assertThat(s.detail()).startsWith("development.yaml:2:"));
        }
    }

    @Test
    void aConsoleEditIsSavedSoItSurvivesARestartAndShorthandStaysShorthand() throws Exception {
        Path file = dir.resolve("development.json");
        Files.writeString(file, "{\"flagValues\":{\"limit\":10,\"banner\":\"hi\"}}");
        runtime = start(dir);
        runtime.simulator().orElseThrow().environment(KEY).toggle("limit"); // now off: no longer shorthand
        Workspace workspace = runtime.workspace().orElseThrow();
        await().atMost(WAIT).until(() -> workspace.status("development").orElseThrow().saved()
                && Files.readString(file).contains("\"flags\""));
        runtime.close();

        runtime = start(dir);

        var env = runtime.simulator().orElseThrow().environment(KEY);
        assertThat(env.flag("limit").orElseThrow().jsonString()).contains("\"on\":false");
        String saved = Files.readString(file);
        assertThat(saved).contains("\"flagValues\"").contains("\"banner\" : \"hi\"");
        assertThat(FileDataFormat.parse(file, saved.getBytes(StandardCharsets.UTF_8)).flagValues()).containsOnlyKeys("banner");
    }

    @Test
    void aNewWorkspaceFolderStartsFromTheSampleFlags() throws Exception {
        runtime = start(dir.resolve("new"));
        FileData data = FileDataFormat.read(dir.resolve("new/development.json"));
        assertThat(data.flags()).containsKey("dark-mode");
        assertThat(data.flags().get("dark-mode").has("version")).as("versions are the server's, not the file's").isFalse();
    }

    @Test
    void aSnapshotWithoutAnOpenWorkspaceWritesAWorkspaceFolderTheRelayCanServe() throws Exception {
        runtime = start(dir.resolve("served"));
        await().atMost(WAIT).until(() -> runtime.relay().environment("development").orElseThrow().store().knownData() != null);
        String result = WorkspaceTransfer.snapshotToFolder(dir.resolve("snap"), "development",
                runtime.relay().environment("development").orElseThrow().store().knownData());

        assertThat(result).startsWith("Snapshot of development saved to " + dir.resolve("snap/development.json"));
        assertThat(FileDataFormat.read(dir.resolve("snap/development.json")).flags()).containsKey("dark-mode");
    }

    @Test
    void malformedFilesAreRefusedWithFileLineAndWhat() {
        Path json = dir.resolve("f.json");
        assertThatThrownBy(() -> FileDataFormat.parse(json, "{\"flags\": {\"a\": }}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileDataException.class).hasMessageStartingWith("f.json:1:");
        assertThatThrownBy(() -> FileDataFormat.parse(json, "{\"flags\":{\"a\":{\"on\":true}}}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("f.json: flags.a.variations is required: a flag needs an array of variations");
        assertThatThrownBy(() -> FileDataFormat.parse(json,
                "{\"flags\":{\"a\":{\"variations\":[1]}},\"flagValues\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("f.json: flagValues.a is also in \"flags\"; a flag key may appear once");
        assertThatThrownBy(() -> FileDataFormat.parse(json, "{\"flagz\":{}}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("f.json: flagz is not part of the file-data format");
    }

    @Test
    void aSaveKilledWithSigkillLeavesThePreviousFileWhole() throws Exception {
        Path file = dir.resolve("big.json");
        Files.write(file, bigFile('a'));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AtomicSaveLoop.class.getName(), file.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("saving");
            await().atMost(WAIT).until(() -> Arrays.equals(Files.readAllBytes(file), bigFile('b')));
            new ProcessBuilder("kill", "-KILL", String.valueOf(child.pid())).start().waitFor(); // mid-save, likely
            child.waitFor();
        }
        byte[] after = Files.readAllBytes(file);
        assertThat(Arrays.equals(after, bigFile('a')) || Arrays.equals(after, bigFile('b')))
                .as("the file is one whole version (%d bytes)", after.length).isTrue();
        assertThat(FileDataFormat.read(file).flags()).hasSize(2000);
    }

    /** A file-data file of about 1 MB whose every flag serves {@code c}, so writing it takes a while. */
    static byte[] bigFile(char c) {
        StringBuilder sb = new StringBuilder("{\"flags\":{");
        for (int i = 0; i < 2000; i++) {
            sb.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":{\"on\":true,\"variations\":[\"")
                    .append(String.valueOf(c).repeat(400)).append("\"],\"fallthrough\":{\"variation\":0}}");
        }
        return sb.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private RelayRuntime start(Path workspace) throws Exception {
        RelayConfig config = RelayConfig.of(MainConfig.defaults().withPort(0),
                        List.of(EnvironmentConfig.of("development", KEY)))
                .withSimulator(new SimulatorConfig(true, 0, true, true).withWorkspace(workspace.toString()));
        return RelayRuntime.start(config, RelayOptions.builder().bindAddress("127.0.0.1")
                .initialReconnectDelay(Duration.ofMillis(100)).build());
    }

    private LDClient sdk() {
        LDClient client = new LDClient(KEY, new LDConfig.Builder().events(Components.noEvents()).diagnosticOptOut(true)
                .startWait(Duration.ofSeconds(15))
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(
                        URI.create("http://127.0.0.1:" + runtime.relay().port())))
                .dataSource(Components.streamingDataSource()).build());
        assertThat(client.isInitialized()).isTrue();
        return client;
    }
}
