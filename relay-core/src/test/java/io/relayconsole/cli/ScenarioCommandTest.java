package io.relayconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws InterruptedException {
        return RelayMain.run(List.of(args), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Runs the CLI, asserts it exited 0 (the scenario matched) and returns what it printed. */
    private String printedByAMatchingRun(String... args) throws InterruptedException {
        int code = run(args);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        return printed;
    }

    @Test
    void replaysADiagramAndPrintsWhatTheRelayDrewWithTheVerdict() throws InterruptedException {
        String printed = printedByAMatchingRun("--scenario", "4");
        assertThat(printed).contains("Scenario 4: LaunchDarkly outage, warm relay", "sequenceDiagram",
                "participant LD as LaunchDarkly", "note over LD: LaunchDarkly comes back up", "Verdict: matches");
    }

    @Test
    void anUnknownScenarioIsAClearErrorWithTheUsage() throws InterruptedException {
        int code = run("--scenario", "99");

        assertThat(code).isEqualTo(RelayMain.EXIT_CONFIG_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--scenario needs 1, 2, 3, 4, 5, 6, 7, 8 or all, not \"99\"")
                .contains("--scenario N|all");
    }

    @Test
    void theUsageMentionsScenarios() {
        assertThat(CommandLine.USAGE).contains("--scenario 1|2|3|4|5|6|7|8|all");
        assertThat(CommandLine.parse(List.of("--scenario", "all")).scenario()).isEqualTo("all");
        assertThat(CommandLine.parse(List.of("--scenario")).error()).contains("--scenario needs");
    }

    @Test
    void runsTheEventsScenarioOnRedisAndExitsZeroOnItsMatch() throws InterruptedException {
        String printed = printedByAMatchingRun("--scenario", "5", "--store", "redis");
        assertThat(printed).contains("Scenario 5: Events during a LaunchDarkly outage (on Redis)",
                "note over Relay Proxy: Event queue full, drop what does not fit", "Verdict: matches on Redis");
    }

    @Test
    void runsAScenarioOnTheChosenDatabaseAndNamesItInTheVerdict() throws InterruptedException {
        String printed = printedByAMatchingRun("--scenario", "2", "--store", "redis");
        assertThat(printed).contains("Scenario 2: Persistent store outage with a TTL (on Redis)",
                "Verdict: matches on Redis");
    }

    @Test
    void runsTheSharedRedisScenarioAndExitsZeroOnItsMatch() throws InterruptedException {
        String printed = printedByAMatchingRun("--scenario", "8", "--store", "redis");
        assertThat(printed).contains("Scenario 8: Two relays sharing Redis, one cut off, cache forever (on Redis)",
                "note over SDK2: Stale: flag version", "note over Persistent Store: Still flag version",
                "Verdict: matches on Redis");
    }

    @Test
    void runsTheBrowserScenarioOnDynamoDbAndExitsZeroOnItsMatch() throws InterruptedException {
        String printed = printedByAMatchingRun("--scenario", "6", "--store", "dynamodb");
        assertThat(printed).contains("Scenario 6: Browser SDK during a store outage (on DynamoDB (dynalite))",
                "SDK1->>Relay Proxy: Evaluation request /sdk/evalx", "Relay Proxy-->>SDK1: Service Unavailable",
                "Verdict: matches on DynamoDB (dynalite)");
    }

    @Test
    void runsTheBigSegmentsScenarioOnRedisAndExitsZeroOnItsMatch() throws InterruptedException {
        String printed = printedByAMatchingRun("--scenario", "7", "--store", "redis");
        assertThat(printed).contains(
                "Scenario 7: Big segments stale: LaunchDarkly's big segments unreachable (on Redis)",
                "note over Relay Proxy: /status: bigSegmentStatus potentiallyStale true, degraded, /health 503",
                "Verdict: matches on Redis");
    }

    @Test
    void theBigSegmentsScenarioOnTheDemoDatabaseIsAClearError() throws InterruptedException {
        int code = run("--scenario", "7");

        assertThat(code).isEqualTo(RelayMain.EXIT_CONFIG_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Scenario 7 does not run on demo database; it "
                + "runs on Redis, DynamoDB (dynalite) (--store redis)");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theSharedRedisScenarioOnAnotherStoreIsAClearError() throws InterruptedException {
        int code = run("--scenario", "8");

        assertThat(code).isEqualTo(RelayMain.EXIT_CONFIG_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Scenario 8 does not run on demo database; it runs on Redis (--store redis)");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anUnknownStoreIsAClearErrorWithTheUsage() throws InterruptedException {
        int code = run("--scenario", "1", "--store", "mysql");

        assertThat(code).isEqualTo(RelayMain.EXIT_CONFIG_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--store needs demo, redis, dynamodb or consul, not \"mysql\"")
                .contains("--store NAME");
    }
}
