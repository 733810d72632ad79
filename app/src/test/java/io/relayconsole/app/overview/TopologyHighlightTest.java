package io.relayconsole.app.overview;

import static io.relayconsole.timeline.TimelineStep.Arrow.FAILURE;
import static io.relayconsole.timeline.TimelineStep.Arrow.NOTE;
import static io.relayconsole.timeline.TimelineStep.Arrow.REQUEST;
import static io.relayconsole.timeline.TimelineStep.Arrow.RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.app.overview.TopologyHighlight.Element;
import io.relayconsole.demo.Scenario;
import io.relayconsole.timeline.SequenceDiagram;
import io.relayconsole.timeline.TimelineStep;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopologyHighlightTest {

    @Test
    void aMessageLightsTheEdgeItTravelsInTheAccentColour() {
        assertThat(lit(REQUEST, "Relay Proxy", "LD", "Streaming request /all"))
                .contains(new TopologyHighlight(Element.UPSTREAM_EDGE, 0, false));
        assertThat(lit(RESPONSE, "LD", "Relay Proxy", "Streaming response"))
                .contains(new TopologyHighlight(Element.UPSTREAM_EDGE, 0, false));
        assertThat(lit(REQUEST, "Relay Proxy", "Persistent Store", "Store all flags"))
                .contains(new TopologyHighlight(Element.STORE_EDGE, 0, false));
        assertThat(lit(REQUEST, "SDK2", "Relay Proxy", "Streaming request /all"))
                .contains(new TopologyHighlight(Element.SDK_EDGE, 2, false));
        assertThat(lit(RESPONSE, "Relay Proxy", "SDK1", "Streaming response"))
                .contains(new TopologyHighlight(Element.SDK_EDGE, 1, false));
    }

    @Test
    void failuresRefusalsAndOutagesLightInTheDangerColour() {
        assertThat(lit(FAILURE, "Relay Proxy", "Persistent Store", "Get all flags - FAILED"))
                .contains(new TopologyHighlight(Element.STORE_EDGE, 0, true));
        // The document draws scenario 4's failed stream as a plain arrow labelled FAILED.
        assertThat(lit(REQUEST, "Relay Proxy", "LD", "Streaming request /all - FAILED"))
                .contains(new TopologyHighlight(Element.UPSTREAM_EDGE, 0, true));
        assertThat(lit(RESPONSE, "Relay Proxy", "SDK2", "Service Unavailable"))
                .contains(new TopologyHighlight(Element.SDK_EDGE, 2, true));
        assertThat(lit(NOTE, "Persistent Store", null, "Database goes down"))
                .contains(new TopologyHighlight(Element.STORE, 0, true));
        assertThat(lit(NOTE, "LD", null, "LaunchDarkly is down"))
                .contains(new TopologyHighlight(Element.UPSTREAM, 0, true));
    }

    @Test
    void aNoteLightsTheNodeItIsOver() {
        assertThat(lit(NOTE, "Relay Proxy", null, "TTL fresh, serve from memory"))
                .contains(new TopologyHighlight(Element.RELAY, 0, false));
        assertThat(lit(NOTE, "LD", null, "LaunchDarkly comes back up"))
                .contains(new TopologyHighlight(Element.UPSTREAM, 0, false));
        assertThat(lit(NOTE, "SDK3", null, "Flag version 6, as the store holds"))
                .contains(new TopologyHighlight(Element.SDKS, 3, false));
        assertThat(lit(NOTE, "Somebody else", null, "not on the topology")).isEmpty();
    }

    @Test
    void everyStepOfEveryScenarioDiagramLightsSomething() {
        for (Scenario s : Scenario.values()) {
            SequenceDiagram expected = s.expectedDiagram();
            assertThat(expected.steps()).as("scenario %d", s.number())
                    .allSatisfy(step -> assertThat(TopologyHighlight.of(step)).as(step.text()).isPresent());
        }
    }

    private static Optional<TopologyHighlight> lit(TimelineStep.Arrow arrow, String from, String to, String text) {
        return TopologyHighlight.of(step(arrow, from, to, text));
    }

    private static TimelineStep step(TimelineStep.Arrow arrow, String from, String to, String text) {
        return new TimelineStep(0, null, "development", arrow, from, to, text, null, null);
    }
}
