package io.relayconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario on every real backend the console offers: a redis-server and a dynalite launched for the run,
 * and the Consul KV double, each taken down through a fault proxy. The verdict is the one a user reads.
 */
class ScenarioBackendsTest {

    static Stream<Arguments> scenariosOnRealBackends() {
        return Stream.of(ScenarioBackend.REDIS, ScenarioBackend.DYNAMODB, ScenarioBackend.CONSUL)
                .flatMap(b -> Scenario.on(b).stream().map(s -> Arguments.of(b, s)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("scenariosOnRealBackends")
    void eachScenarioMatchesOnEachBackend(ScenarioBackend backend, Scenario scenario) throws Exception {
        ScenarioResult result = new ScenarioRunner(backend).run(scenario);

        assertThat(result.matches()).as(result.report()).isTrue();
        assertThat(result.verdict()).startsWith("matches on " + backend.label());
        assertThat(result.report()).contains("(on " + backend.label() + ")");
    }

    @org.junit.jupiter.api.Test
    void twoRelaysOnOneRedisTheCutOffOneServesStaleDataThenAdoptsTheNewerVersionsWithoutOverwritingThem()
            throws Exception {
        ScenarioResult result = new ScenarioRunner(ScenarioBackend.REDIS).run(Scenario.SHARED_STORE_CUT_OFF_RELAY);

        assertThat(result.matches()).as(result.report()).isTrue();
        String observed = result.observed().toMermaid();
        assertThat(observed).containsSubsequence("note over SDK2: Stale: flag version",
                "note over Persistent Store: Restarted empty, the other relay writes back flag version",
                "Relay Proxy->>Persistent Store: Store all flags",
                "note over Persistent Store: Still flag version", "note over SDK3: Flag version");
        assertThat(io.relayconsole.testing.MermaidParser.rejected(java.util.Map.of(
                "scenario 8 expected", result.scenario().expectedMermaid(), "scenario 8 observed", observed)))
                .isEmpty();
    }

    @ParameterizedTest(name = "on {0}")
    @org.junit.jupiter.params.provider.EnumSource(value = ScenarioBackend.class, names = {"REDIS", "DYNAMODB"})
    void bigSegmentsGoStaleWhileTheirEndpointsAreDownAndFreshAgainAfter(ScenarioBackend backend) throws Exception {
        ScenarioResult result = new ScenarioRunner(backend).run(Scenario.BIG_SEGMENTS_GO_STALE);

        assertThat(result.matches()).as(result.report()).isTrue();
        String observed = result.observed().toMermaid();
        assertThat(observed).containsSubsequence("Relay Proxy->>Persistent Store: Write big segment membership",
                "note over Relay Proxy: /status: bigSegmentStatus potentiallyStale false, healthy",
                "note over Relay Proxy: Big segment synchronization failed",
                "note over Relay Proxy: /status: bigSegmentStatus potentiallyStale true, degraded, /health 503",
                "Relay Proxy->>Persistent Store: Write big segment membership",
                "note over Relay Proxy: /status: bigSegmentStatus potentiallyStale false, healthy");
        assertThat(io.relayconsole.testing.MermaidParser.rejected(java.util.Map.of(
                "scenario 7 expected", result.scenario().expectedMermaid(), "scenario 7 observed", observed)))
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aScenarioThatNeedsABigSegmentStoreSaysSoOnConsul() {
        assertRefusedOnConsul(Scenario.BIG_SEGMENTS_GO_STALE,
                "scenario 7 does not run on Consul (KV double); it runs on Redis, DynamoDB (dynalite)");
    }

    @org.junit.jupiter.api.Test
    void aScenarioThatNeedsRedisSaysSoOnAnotherBackend() {
        assertRefusedOnConsul(Scenario.SHARED_STORE_CUT_OFF_RELAY,
                "scenario 8 does not run on Consul (KV double); it runs on Redis");
    }

    private static void assertRefusedOnConsul(Scenario scenario, String message) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ScenarioRunner(ScenarioBackend.CONSUL,
                        () -> { throw new AssertionError("no store is started for a scenario that cannot run"); })
                        .run(scenario))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
