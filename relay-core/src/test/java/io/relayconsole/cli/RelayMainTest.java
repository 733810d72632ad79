package io.relayconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.testing.RelayProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless relay as an operator runs it: flags, configuration errors, start-up, SIGTERM. */
class RelayMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(List<String> args, Map<String, String> env) throws Exception {
        return RelayMain.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpAndVersion() throws Exception {
        assertThat(run(List.of("--help"), Map.of())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--config FILE").contains("--from-env");
        assertThat(run(List.of("--version"), Map.of())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Relay Console relay");
    }

    @Test
    void anUnknownArgumentIsRefusedWithUsage() throws Exception {
        assertThat(run(List.of("--frobnicate"), Map.of())).isEqualTo(RelayMain.EXIT_CONFIG_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument \"--frobnicate\"").contains("Usage");
    }

    @Test
    void aMalformedConfigurationNamesFileLineAndKeyForEveryProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("relay.conf");
        Files.writeString(file, String.join("\n",
                "[Main]",
                "port = 80a",
                "initTimeout = ten",
                "",
                "[Environment \"prod\"]",
                "sdkKey = sdk-123",
                "colour = blue"));

        assertThat(run(List.of("--config", file.toString()), Map.of())).isEqualTo(RelayMain.EXIT_CONFIG_ERROR);

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).contains("relay.conf:2").contains("port");
        assertThat(message).contains("relay.conf:3").contains("initTimeout");
        assertThat(message).contains("relay.conf:7").contains("colour");
    }

    @Test
    void aMissingFileIsAnError(@TempDir Path dir) throws Exception {
        assertThat(run(List.of("--config", dir.resolve("nope.conf").toString()), Map.of()))
                .isEqualTo(RelayMain.EXIT_CONFIG_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.conf").contains("not found");
    }

    @Test
    void runsFromEnvironmentVariablesLogsWhereItListensAndStopsCleanlyOnSigterm() throws Exception {
        int port = RelayProcess.freePort();
        try (RelayProcess relay = RelayProcess.start(List.of("--from-env", "--simulator"), Map.of(
                "PORT", String.valueOf(port), "LD_ENV_production", "sdk-0a0b0c0d-1e1f-4a4b-8c8d-9e9f0a0b0c0d"))) {
            List<String> lines = relay.lines();
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream()
                    .anyMatch(l -> l.contains("Relay listening for SDKs on port " + port)));
            // The headless format (date, level, logger), not the test class path's logback-test.xml
            assertThat(lines).anyMatch(l -> l.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  \\w+ - "
                    + "Relay listening for SDKs on port " + port + ".*"));
            HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/status")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("production").doesNotContain("0a0b0c0d-1e1f");
            assertThat(relay.output()).doesNotContain("0a0b0c0d-1e1f");

            relay.terminate();
            assertThat(relay.process().waitFor(20, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lines).anyMatch(l -> l.contains("Relay stopped")));
        }
    }

    @Test
    void exitOnNoDataExitsWithCode2AndSaysWhyWhenNeitherUpstreamNorAStoreHasData() throws Exception {
        String nowhere = "http://127.0.0.1:" + RelayProcess.freePort(); // nothing listens: upstream is down
        try (RelayProcess relay = RelayProcess.start(List.of("--from-env"), Map.of(
                "PORT", String.valueOf(RelayProcess.freePort()), "LD_ENV_production",
                "sdk-0a0b0c0d-1e1f-4a4b-8c8d-9e9f0a0b0c0d", "STREAM_URI", nowhere, "BASE_URI", nowhere,
                "INIT_TIMEOUT", "1s", "EXIT_ON_NO_DATA", "true"))) {
            assertThat(relay.process().waitFor(60, TimeUnit.SECONDS)).as("exits by itself").isTrue();
            assertThat(relay.process().exitValue()).isEqualTo(2);
            assertThat(relay.output()).contains("No data from upstream or a store after initTimeout (PT1S) for "
                    + "environment(s) production; exiting because exitOnNoData is set")
                    .doesNotContain("0a0b0c0d-1e1f");
        }
    }
}
