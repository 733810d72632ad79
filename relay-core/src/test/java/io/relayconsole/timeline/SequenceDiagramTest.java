package io.relayconsole.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.demo.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SequenceDiagramTest {

    private static TimelineStep step(TimelineStep.Arrow arrow, String from, String to, String text) {
        return new TimelineStep(0, null, "production", arrow, from, to, text, null, null);
    }

    @Test
    void writesMermaidInTheDocumentsStyle() {
        SequenceDiagram diagram = new SequenceDiagram(
                List.of("SDK1", Participants.RELAY, Participants.STORE, Participants.UPSTREAM),
                List.of(step(TimelineStep.Arrow.REQUEST, Participants.RELAY, Participants.UPSTREAM,
                                "Streaming request /all"),
                        step(TimelineStep.Arrow.RESPONSE, Participants.UPSTREAM, Participants.RELAY,
                                "Streaming response"),
                        step(TimelineStep.Arrow.FAILURE, Participants.RELAY, Participants.STORE,
                                "Get all flags - FAILED"),
                        step(TimelineStep.Arrow.NOTE, Participants.RELAY, null, "TTL fresh, serve from memory")));

        assertThat(diagram.toMermaid()).isEqualTo("""
                sequenceDiagram
                participant SDK1
                participant Relay Proxy
                participant Persistent Store
                participant LD as LaunchDarkly

                Relay Proxy->>LD: Streaming request /all
                LD-->>Relay Proxy: Streaming response
                Relay Proxy-xPersistent Store: Get all flags - FAILED
                note over Relay Proxy: TTL fresh, serve from memory
                """);
    }

    @Test
    void escapesWhatWouldEndOrBreakAMermaidStatement() {
        SequenceDiagram diagram = new SequenceDiagram(List.of(Participants.RELAY), List.of(step(
                TimelineStep.Arrow.NOTE, Participants.RELAY, null, "flag a;b #1 <x>\nnext %% not a comment")));

        String mermaid = diagram.toMermaid();

        assertThat(mermaid).endsWith(
                "note over Relay Proxy: flag a#59;b #35;1 #lt;x#gt; next #37;#37; not a comment\n");
        assertThat(SequenceDiagram.parse(mermaid).steps().get(0).text())
                .isEqualTo("flag a;b #1 <x> next %% not a comment");
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void readsAndWritesTheDocumentsDiagramsWordForWord(Scenario scenario) {
        String seed = scenario.expectedMermaid();

        SequenceDiagram parsed = SequenceDiagram.parse(seed);

        assertThat(parsed.toMermaid()).isEqualTo(seed);
        assertThat(parsed.participants()).contains(Participants.RELAY);
        if (scenario.number() <= 4) { // the document's four all start with an SDK; 7 (big segments) has none
            assertThat(parsed.participants()).contains("SDK1");
        }
    }

    @Test
    void saysWhichLineItCannotRead() {
        assertThatThrownBy(() -> SequenceDiagram.parse("sequenceDiagram\nparticipant A\nA talks to B"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3");
    }

    @Test
    void restrictingKeepsOnlyStepsAmongTheParticipantsAndTheirCauses() {
        TimelineStep upstreamWrite = step(TimelineStep.Arrow.REQUEST, Participants.RELAY, Participants.STORE,
                "Store all flags").causedBy(Participants.UPSTREAM);
        TimelineStep writeBack = step(TimelineStep.Arrow.REQUEST, Participants.RELAY, Participants.STORE,
                "Store all flags");
        SequenceDiagram diagram = new SequenceDiagram(List.of(Participants.RELAY, Participants.STORE),
                List.of(upstreamWrite, writeBack));

        assertThat(diagram.restrictedTo(List.of(Participants.RELAY, Participants.STORE)).steps())
                .containsExactly(writeBack);
    }
}
