package io.relayconsole.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.FeatureFlagsState;
import com.launchdarkly.sdk.server.FlagsStateOption;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.EventsConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.OfflineConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.config.SimulatorConfig;
import io.relayconsole.model.Item;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.testing.SdkProcess;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.workspace.WorkspaceTransfer;
import io.relayconsole.workspace.WorkspaceTransfer.EnvironmentIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trips through the formats developers already use, proved with the real Java SDK: a workspace exported as
 * an ld-relay archive and served in offline mode, and the workspace's own JSON exported as YAML and served by a
 * second built-in upstream, evaluate every sample flag for every context exactly as the original data does.
 */
class WorkspaceAndOfflineAcceptanceTest {
    private static final String KEY = "sdk-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private RelayRuntime original;
    private RelayRuntime copy;

    @AfterEach
    void stop() {
        for (RelayRuntime r : new RelayRuntime[] {copy, original}) {
            if (r != null) {
                r.close();
            }
        }
    }

    @Test
    void aWorkspaceExportedAsAnArchiveServesEveryFlagInOfflineModeAsTheOriginal() throws Exception {
        original = simulatorRelay(dir.resolve("workspace"));
        Path archive = exportArchive();

        copy = RelayRuntime.start(offlineConfig(archive, EventsConfig.defaults()), options());

        try (LDClient expected = proxied(original); LDClient actual = proxied(copy)) {
            assertSameEvaluations(expected, actual);
        }
    }

    @Test
    void offlineModeReloadsAChangedArchiveAndKeepsTheLastGoodDataWhenTheFileIsCorrupt() throws Exception {
        original = simulatorRelay(dir.resolve("workspace"));
        Path archive = exportArchive();
        copy = RelayRuntime.start(offlineConfig(archive, EventsConfig.defaults()), options());
        LDContext user = LDContext.create("someone");
        try (LDClient client = proxied(copy)) {
            assertThat(client.stringVariation("offline-reload", user, "absent")).isEqualTo("absent");

            original.simulator().orElseThrow().environment(KEY).putFlag("{\"key\":\"offline-reload\",\"on\":true,"
                    + "\"variations\":[\"reloaded\"],\"fallthrough\":{\"variation\":0}}");
            exportArchive();
            await().atMost(WAIT).until(() -> client.stringVariation("offline-reload", user, "absent").equals("reloaded"));

            Files.write(archive, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3}); // a truncated gzip
            await().atMost(WAIT).until(() -> copy.offline().orElseThrow().lastError() != null);
            assertThat(copy.offline().orElseThrow().lastError()).startsWith("export.tar.gz: corrupt or truncated archive");
            await().atMost(WAIT).until(() -> copy.relay().environments().get(0).snapshot().dataSource().state()
                    == DataSourceState.INTERRUPTED);
            assertThat(client.stringVariation("offline-reload", user, "absent")).as("last good data").isEqualTo("reloaded");
        }
    }

    @Test
    void offlineModeAcceptsEventsWith202AndDropsThemEvenWithSendEventsOn() throws Exception {
        original = simulatorRelay(dir.resolve("workspace"));
        Path archive = exportArchive();
        copy = RelayRuntime.start(offlineConfig(archive, EventsConfig.defaults().withSendEvents(true)), options());

        HttpResponse<String> bulk = HTTP.send(HttpRequest.newBuilder(relayUri(copy).resolve("/bulk"))
                .header("Authorization", KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[{\"kind\":\"identify\",\"creationDate\":1,"
                        + "\"context\":{\"kind\":\"user\",\"key\":\"u\"}}]")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(bulk.statusCode()).isEqualTo(202);
        assertThat(copy.relay().environments().get(0).eventForwarder()).isEmpty();
    }

    @Test
    void theWorkspaceAsYamlServedByAnotherBuiltInUpstreamEvaluatesAsTheOriginal() throws Exception {
        original = simulatorRelay(dir.resolve("workspace"));
        assertThat(dir.resolve("workspace/production.json")).exists();
        new WorkspaceTransfer(original.workspace().orElseThrow()).exportFileData(dir.resolve("yaml"), true);
        assertThat(Files.readString(dir.resolve("yaml/production.yaml"))).contains("flags:").contains("dark-mode:");

        copy = simulatorRelay(dir.resolve("yaml"));

        try (LDClient expected = proxied(original); LDClient actual = proxied(copy)) {
            assertSameEvaluations(expected, actual);
        }
    }

    @Test
    void theNodeSdksOwnFileDataSourceLoadsTheExportedFileAndEvaluatesAsTheOriginal() throws Exception {
        original = simulatorRelay(dir.resolve("workspace"));
        new WorkspaceTransfer(original.workspace().orElseThrow()).exportFileData(dir.resolve("export"), false);
        List<Item> flags = original.simulator().orElseThrow().environment(KEY).flags();

        try (LDClient expected = proxied(original);
             SdkProcess node = SdkProcess.node("node", "file-data-client.mjs", "@launchdarkly/node-server-sdk",
                     Map.of("FILE_DATA", dir.resolve("export/production.json").toString()))) {
            assertThat(node.isReady()).as(node.readyError()).isTrue();
            List<SdkProcess.Evaluation> requests = new ArrayList<>();
            List<LDValue> want = new ArrayList<>();
            for (LDContext context : SdkContexts.all()) {
                for (Item flag : flags) {
                    requests.add(new SdkProcess.Evaluation(flag.key(), ContextJson.of(context), "node-default"));
                    want.add(expected.jsonValueVariation(flag.key(), context, LDValue.of("node-default")));
                }
            }
            List<JsonNode> got = node.values(requests);
            for (int i = 0; i < requests.size(); i++) {
                assertThat(LDValue.parse(got.get(i).toString()))
                        .as(requests.get(i).flag() + " for " + requests.get(i).context()).isEqualTo(want.get(i));
            }
        }
    }

    /** The original workspace's one environment as an ld-relay archive, {@code export.tar.gz}. */
    private Path exportArchive() throws Exception {
        Path archive = dir.resolve("export.tar.gz");
        new WorkspaceTransfer(original.workspace().orElseThrow()).exportArchive(archive,
                List.of(new EnvironmentIdentity("production", "env-prod", KEY, null)));
        return archive;
    }

    private static RelayRuntime simulatorRelay(Path workspace) throws Exception {
        RelayConfig config = RelayConfig.of(MainConfig.defaults().withPort(0),
                        List.of(EnvironmentConfig.of("production", KEY)))
                .withSimulator(new SimulatorConfig(true, 0, true, true).withWorkspace(workspace.toString()));
        return RelayRuntime.start(config, options());
    }

    private static RelayConfig offlineConfig(Path archive, EventsConfig events) {
        return new RelayConfig(MainConfig.defaults().withPort(0), events, List.of())
                .withOffline(new OfflineConfig(archive.toString(), Duration.ofMillis(100)));
    }

    private static RelayOptions options() {
        return RelayOptions.builder().bindAddress("127.0.0.1").initialReconnectDelay(Duration.ofMillis(100)).build();
    }

    private static URI relayUri(RelayRuntime runtime) {
        return URI.create("http://127.0.0.1:" + runtime.relay().port());
    }

    private static LDClient proxied(RelayRuntime runtime) {
        LDClient client = new LDClient(KEY, new LDConfig.Builder().events(Components.noEvents()).diagnosticOptOut(true)
                .startWait(Duration.ofSeconds(15))
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(relayUri(runtime)))
                .dataSource(Components.streamingDataSource()).build());
        assertThat(client.isInitialized()).as("SDK initialized through the relay").isTrue();
        return client;
    }

    private static void assertSameEvaluations(LDClient expected, LDClient actual) {
        assertThat(actual.allFlagsState(LDContext.create("x")).toValuesMap())
                .hasSameSizeAs(expected.allFlagsState(LDContext.create("x")).toValuesMap()).isNotEmpty();
        for (LDContext context : SdkContexts.all()) {
            FeatureFlagsState want = expected.allFlagsState(context, FlagsStateOption.WITH_REASONS);
            FeatureFlagsState got = actual.allFlagsState(context, FlagsStateOption.WITH_REASONS);
            assertThat(got.isValid()).isTrue();
            assertThat(got).as("all flags for %s", context.getFullyQualifiedKey()).isEqualTo(want);
        }
    }
}
