package io.relayconsole.app.overview;

import static io.relayconsole.timeline.TimelineStep.Arrow.NOTE;
import static io.relayconsole.timeline.TimelineStep.Arrow.REQUEST;
import static io.relayconsole.timeline.TimelineStep.Arrow.RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.app.overview.TopologyHighlight.Element;
import io.relayconsole.timeline.TimelineStep;
import org.junit.jupiter.api.Test;

class PresentedTopologyTest {

    @Test
    void thePresentedTopologyKeepsEachNodesStateInTheDocumentsTerms() {
        PresentedTopology topology = new PresentedTopology();
        topology.apply(step(RESPONSE, "LD", "Relay Proxy", "Streaming response"));
        topology.apply(step(REQUEST, "SDK1", "Relay Proxy", "Streaming request /all"));
        topology.apply(step(NOTE, "Persistent Store", null, "Database goes down"));
        topology.apply(step(RESPONSE, "Relay Proxy", "SDK2", "Service Unavailable"));
        TopologyModel model = topology.model();
        assertThat(model.upstreamProperty().get()).isEqualTo(new NodeStatus(NodeStatus.Level.OK, "connected", ""));
        assertThat(model.storeProperty().get()).isEqualTo(new NodeStatus(NodeStatus.Level.ERROR, "down", ""));
        assertThat(model.relayProperty().get().state()).isEqualTo("refusing SDKs (503)");
        assertThat(model.sdksProperty().get().state()).isEqualTo("2 SDKs");
        assertThat(model.sdkCountProperty().get()).isEqualTo(2);
        assertThat(model.highlightProperty().get()).isEqualTo(new TopologyHighlight(Element.SDK_EDGE, 2, true));

        topology.apply(step(NOTE, "Persistent Store", null, "Database comes back up"));
        assertThat(model.storeProperty().get().level()).isEqualTo(NodeStatus.Level.OK);
        topology.clearHighlight();
        assertThat(model.highlightProperty().get()).as("nothing lit once the presentation ends").isNull();
        assertThat(model.storeProperty().get().state()).as("the states stay").isEqualTo("back up");

        topology.reset();
        assertThat(model.sdkCountProperty().get()).isZero();
        assertThat(model.storeProperty().get().level()).isEqualTo(NodeStatus.Level.IDLE);
    }

    private static TimelineStep step(TimelineStep.Arrow arrow, String from, String to, String text) {
        return new TimelineStep(0, null, "development", arrow, from, to, text, null, null);
    }
}
