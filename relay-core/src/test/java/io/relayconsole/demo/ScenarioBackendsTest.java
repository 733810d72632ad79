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
                .flatMap(b -> Stream.of(Scenario.values()).map(s -> Arguments.of(b, s)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("scenariosOnRealBackends")
    void eachScenarioMatchesOnEachBackend(ScenarioBackend backend, Scenario scenario) throws Exception {
        ScenarioResult result = new ScenarioRunner(backend).run(scenario);

        assertThat(result.matches()).as(result.report()).isTrue();
        assertThat(result.verdict()).startsWith("matches on " + backend.label());
        assertThat(result.report()).contains("(on " + backend.label() + ")");
    }
}
