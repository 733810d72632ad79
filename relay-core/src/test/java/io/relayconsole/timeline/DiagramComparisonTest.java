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

    @Test
    void whatTheComparisonToleratedIsNamedUnderTheVerdict() {
        SequenceDiagram document = Scenario.UPSTREAM_OUTAGE_WARM_RELAY.expectedDiagram();
        // What the relay draws for scenario 4: the TTL on the first write, two retries, failures as crosses.
        String observed = Scenario.UPSTREAM_OUTAGE_WARM_RELAY.expectedMermaid()
                .replaceFirst("Store all flags\n", "Store all flags with TTL 3 seconds\n")
                .replace("Relay Proxy->>LD: Streaming request /all - FAILED\n",
                        "Relay Proxy-xLD: Streaming request /all - FAILED\nnote over Relay Proxy: Backoff and retry\n"
                                + "Relay Proxy-xLD: Streaming request /all - FAILED\n");

        DiagramComparison comparison = DiagramComparison.compare(document, SequenceDiagram.parse(observed));

        assertThat(comparison.matches()).isTrue();
        assertThat(comparison.tolerated()).containsExactly(
                "observed step 3: \u201cStore all flags with TTL 3 seconds\u201d where the document says "
                        + "\u201cStore all flags\u201d",
                "observed step 8: repeated retries: 2 failed request(s) and 2 \u201cBackoff and retry\u201d where "
                        + "the document draws 1 and 1; failed requests a cross (-x) where the document draws a plain "
                        + "arrow labelled FAILED");
        assertThat(comparison.verdict(" on Redis")).startsWith("matches on Redis, with 2 tolerated differences:\n  "
                + "observed step 3:");
    }

    @Test
    void aRunOfBigSegmentSynchronizationFailuresIsOneStepAndSaysHowMany() {
        DiagramComparison comparison = compare("""
                note over Relay Proxy: Big segment synchronization failed
                note over Relay Proxy: 3 seconds pass
                """, """
                note over Relay Proxy: Big segment synchronization failed
                note over Relay Proxy: Big segment synchronization failed
                note over Relay Proxy: Big segment synchronization failed
                note over Relay Proxy: 3 seconds pass
                """);

        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.tolerated()).containsExactly("observed step 1: repeated big segment synchronization "
                + "failures: 3 where the document draws 1");
        assertThat(compare("note over Relay Proxy: Big segment synchronization failed\n", "").differences())
                .as("no failure at all is still a difference").isNotEmpty();
    }

    @Test
    void aShortenedWaitIsToleratedAndSaysSo() {
        DiagramComparison comparison = compare("note over Relay Proxy: 30 seconds pass\n",
                "note over Relay Proxy: 3 seconds pass\n");

        assertThat(comparison.tolerated()).containsExactly("observed step 1: \u201c3 seconds pass\u201d where the "
                + "document says \u201c30 seconds pass\u201d (a shortened wait)");
        assertThat(comparison.verdict()).isEqualTo("matches, with 1 tolerated difference:\n  " + comparison.tolerated().get(0));
    }

    @Test
    void aRealDifferenceStaysAMismatchWhateverElseWasTolerated() {
        DiagramComparison comparison = compare("note over Relay Proxy: 30 seconds pass\n"
                + "Relay Proxy-->>SDK1: Streaming response\n", "note over Relay Proxy: 3 seconds pass\n"
                + "Relay Proxy-->>SDK1: Service Unavailable\n");

        assertThat(comparison.matches()).isFalse();
        assertThat(comparison.verdict()).startsWith("differs:");
    }
}
