package io.relayconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.timeline.DiagramComparison;
import io.relayconsole.testing.MermaidParser;
import io.relayconsole.timeline.SequenceDiagram;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class ScenarioRunnerTest {

    static java.util.List<Scenario> onTheDemoDatabase() {
        return Scenario.on(ScenarioBackend.DEMO);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("onTheDemoDatabase")
    void eachOfTheDocumentsDiagramsIsWhatTheRelayDraws(Scenario scenario) throws Exception {
        ScenarioResult result = new ScenarioRunner().run(scenario);

        assertThat(result.matches()).as(result.report()).isTrue();
        assertThat(result.report()).contains("Verdict: matches").contains(result.observed().toMermaid());
    }

    @Test
    void aBrokenExpectationIsReportedAsADifference() throws Exception {
        ScenarioResult result = new ScenarioRunner().run(Scenario.UPSTREAM_OUTAGE_WARM_RELAY);
        // The document's diagram with its last step (the store write after recovery) replaced.
        String broken = Scenario.UPSTREAM_OUTAGE_WARM_RELAY.expectedMermaid()
                .replace("LD-->>Relay Proxy: Streaming response\nRelay Proxy->>Persistent Store: Store all flags\n"
                        + "SDK1", "LD-->>Relay Proxy: Streaming response\nSDK1")
                .replaceFirst("Relay Proxy->>Persistent Store: Store all flags\n$",
                        "note over Persistent Store: Database goes down\n");

        DiagramComparison comparison = DiagramComparison.compare(SequenceDiagram.parse(broken), result.observed());

        assertThat(comparison.matches()).isFalse();
        assertThat(comparison.differences()).containsExactlyInAnyOrder(
                "missing: expected step 15: note over Persistent Store: database goes down",
                "extra: observed step 3: Relay Proxy -> Persistent Store: store all flags",
                "extra: observed step 16: Relay Proxy -> Persistent Store: store all flags");
    }

    @Test
    void aCancelledScenarioStopsAndSaysSo() throws Exception {
        ScenarioRunner runner = new ScenarioRunner();
        ScenarioProgress cancelWhenSdk1Connects = new ScenarioProgress() {
            @Override
            public void onAction(String description) {
                if (description.startsWith("SDK1")) {
                    runner.cancel();
                }
            }
        };

        assertThatThrownBy(() -> runner.run(Scenario.STORE_UP_WITH_TTL, cancelWhenSdk1Connects))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void everyScenariosExpectedAndObservedDiagramIsValidMermaid() throws Exception {
        Map<String, String> diagrams = new LinkedHashMap<>();
        for (ScenarioResult result : new ScenarioRunner().runAll(ScenarioProgress.NONE)) {
            diagrams.put("scenario " + result.scenario().number() + " expected", result.scenario().expectedMermaid());
            diagrams.put("scenario " + result.scenario().number() + " observed", result.observed().toMermaid());
        }

        assertThat(MermaidParser.rejected(diagrams)).isEmpty();
    }

    @Test
    void theMermaidParserRejectsWhatIsNotMermaid() {
        assertThat(MermaidParser.rejected(Map.of("broken", "sequenceDiagram\nRelay Proxy->>: nobody\n")))
                .singleElement().asString().startsWith("broken: Parse error");
    }
}
