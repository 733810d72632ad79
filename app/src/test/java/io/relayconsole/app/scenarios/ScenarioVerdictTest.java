package io.relayconsole.app.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.demo.Scenario;
import io.relayconsole.demo.ScenarioResult;
import io.relayconsole.timeline.DiagramComparison;
import io.relayconsole.timeline.SequenceDiagram;
import io.relayconsole.timeline.TimelineStep;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioVerdictTest {
    private final Scenario scenario = Scenario.STORE_OUTAGE_WITH_TTL;
    private final SequenceDiagram expected = scenario.expectedDiagram();

    private ScenarioResult resultWith(SequenceDiagram observed, String problem) {
        return new ScenarioResult(scenario, expected, observed, DiagramComparison.compare(expected, observed), problem);
    }

    @Test
    void theDocumentsOwnDiagramMatches() {
        ScenarioVerdict v = ScenarioVerdict.of(resultWith(expected, null));

        assertThat(v.matches()).isTrue();
        assertThat(v.headline()).startsWith("matches");
        assertThat(v.differences()).isEmpty();
    }

    @Test
    void aMissingStepIsListedAndMarkedOnTheExpectedDiagram() {
        List<TimelineStep> steps = new ArrayList<>(expected.steps());
        int dropped = steps.size() - 1;
        steps.remove(dropped);
        ScenarioVerdict v = ScenarioVerdict.of(resultWith(new SequenceDiagram(expected.participants(), steps), null));

        assertThat(v.outcome()).isEqualTo(ScenarioVerdict.Outcome.DIFFERS);
        assertThat(v.differences()).singleElement().asString().startsWith("missing: expected step");
        assertThat(v.markedExpected()).containsExactly(dropped);
        assertThat(v.markedObserved()).isEmpty();
    }

    @Test
    void anExtraStepIsMarkedOnTheObservedDiagramAndAnEarlyStopIsSaid() {
        List<TimelineStep> steps = new ArrayList<>(expected.steps());
        steps.add(0, new TimelineStep(0, null, null, TimelineStep.Arrow.NOTE, "Relay Proxy", null, "Something else",
                null, null));
        ScenarioVerdict v = ScenarioVerdict.of(resultWith(new SequenceDiagram(expected.participants(), steps),
                "SDK2 was not served"));

        assertThat(v.differences()).first().isEqualTo("stopped early: SDK2 was not served");
        assertThat(v.differences()).anyMatch(d -> d.startsWith("extra: observed step 1"));
        assertThat(v.markedObserved()).containsExactly(0);
    }

    @Test
    void aToleratedDifferenceIsNamedAndMarkedMutedOnTheObservedDiagramOnly() {
        List<TimelineStep> steps = new ArrayList<>(expected.steps());
        int shortened = -1;
        for (int i = 0; i < steps.size(); i++) {
            TimelineStep s = steps.get(i);
            if (s.text().equals("30 seconds pass")) {
                shortened = i;
                steps.set(i, new TimelineStep(s.sequence(), null, null, s.arrow(), s.from(), null, "3 seconds pass",
                        null, null));
            }
        }
        ScenarioVerdict v = ScenarioVerdict.of(resultWith(new SequenceDiagram(expected.participants(), steps), null));

        assertThat(v.matches()).isTrue();
        assertThat(v.headline()).endsWith("with 1 tolerated difference");
        assertThat(v.tolerated()).singleElement().asString().contains("(a shortened wait)");
        assertThat(v.toleratedObserved()).containsExactly(shortened);
        assertThat(v.markedObserved()).as("a tolerated difference is not a real one").isEmpty();
    }
}
