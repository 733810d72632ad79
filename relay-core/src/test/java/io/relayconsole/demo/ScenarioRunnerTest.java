package io.relayconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScenarioRunnerTest {

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void eachOfTheDocumentsDiagramsIsWhatTheRelayDraws(Scenario scenario) throws Exception {
        ScenarioResult result = new ScenarioRunner().run(scenario);

        assertThat(result.matches()).as(result.report()).isTrue();
        System.out.println(result.report());
    }
}
