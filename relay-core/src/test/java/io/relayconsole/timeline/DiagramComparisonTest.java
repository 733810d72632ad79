package io.relayconsole.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.demo.Scenario;
import org.junit.jupiter.api.Test;

class DiagramComparisonTest {
    private static final String HEADER = "sequenceDiagram\nparticipant SDK1\nparticipant Relay Proxy\n"
            + "participant Persistent Store\nparticipant LD as LaunchDarkly\n\n";

    private static DiagramComparison compare(String expectedSteps, String observedSteps) {
        return DiagramComparison.compare(SequenceDiagram.parse(HEADER + expectedSteps),
                SequenceDiagram.parse(HEADER + observedSteps));
    }

    @Test
    void theDocumentsDiagramMatchesItself() {
        SequenceDiagram seed = Scenario.UPSTREAM_OUTAGE_WARM_RELAY.expectedDiagram();

        DiagramComparison comparison = DiagramComparison.compare(seed, seed);

        assertThat(comparison.matches()).isTrue();
        assertThat(comparison.verdict()).isEqualTo("matches");
    }

    @Test
    void shorterWaitsAndDecorationsAreTheSameStep() {
        DiagramComparison comparison = compare("""
                note over Relay Proxy: 30 seconds pass
                Relay Proxy->>Persistent Store: Store all flags with TTL 30 seconds
                Relay Proxy->>Persistent Store: Get all flags
                Relay Proxy->>LD: Streaming request /all - FAILED
                """, """
                note over Relay Proxy: 3 seconds pass
                Relay Proxy->>Persistent Store: Store all flags
                Relay Proxy->>Persistent Store: Get all flags, reset TTL
                Relay Proxy-xLD: Streaming request /all - FAILED
                """);

        assertThat(comparison.differences()).isEmpty();
    }

    @Test
    void anyNumberOfUpstreamRetriesInARowIsOneStep() {
        DiagramComparison comparison = compare("""
                note over Relay Proxy: Backoff and retry
                Relay Proxy-xLD: Streaming request /all - FAILED
                SDK1->>Relay Proxy: Streaming request /all
                """, """
                note over Relay Proxy: Backoff and retry
                Relay Proxy-xLD: Streaming request /all - FAILED
                note over Relay Proxy: Backoff and retry
                Relay Proxy-xLD: Streaming request /all - FAILED
                note over Relay Proxy: Backoff and retry
                SDK1->>Relay Proxy: Streaming request /all
                """);

        assertThat(comparison.differences()).isEmpty();
    }

    @Test
    void listsMissingExtraAndOutOfOrderSteps() {
        DiagramComparison comparison = compare("""
                SDK1->>Relay Proxy: Streaming request /all
                note over Relay Proxy: TTL fresh, serve from memory
                Relay Proxy-->>SDK1: Streaming response
                note over Persistent Store: Database goes down
                """, """
                note over Persistent Store: Database goes down
                SDK1->>Relay Proxy: Streaming request /all
                Relay Proxy->>Persistent Store: Get all flags
                Relay Proxy-->>SDK1: Streaming response
                """);

        assertThat(comparison.matches()).isFalse();
        assertThat(comparison.differences()).containsExactlyInAnyOrder(
                "out of order: expected step 4, observed as step 1: note over Persistent Store: database goes down",
                "missing: expected step 2: note over Relay Proxy: ttl fresh, serve from memory",
                "extra: observed step 3: Relay Proxy -> Persistent Store: get all flags");
        assertThat(comparison.verdict()).startsWith("differs:");
    }

    @Test
    void aFailureIsNotASuccess() {
        DiagramComparison comparison = compare("Relay Proxy->>Persistent Store: Get all flags\n",
                "Relay Proxy-xPersistent Store: Get all flags - FAILED\n");

        assertThat(comparison.matches()).isFalse();
    }
}
