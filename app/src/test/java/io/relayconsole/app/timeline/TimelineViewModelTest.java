package io.relayconsole.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.timeline.Timeline;
import io.relayconsole.timeline.TimelineStep;
import io.relayconsole.timeline.TimelineStep.Arrow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineViewModelTest {
    private static final String ENV = "production";
    private final TimelineViewModel model = new TimelineViewModel();

    private static TimelineStep step(long seq, String env, Arrow arrow, String from, String to, String text) {
        return new TimelineStep(seq, Instant.parse("2024-05-01T10:00:00Z"), env, arrow, from, to, text,
                "127.0.0.1:5000, JavaClient/7.13.0", null);
    }

    @Test
    void anArrowSpansFromTheSendersColumnToTheReceiversInTheDocumentsParticipantOrder() {
        model.reset(new Timeline(ENV, List.of(
                step(1, ENV, Arrow.REQUEST, "SDK1", "Relay Proxy", "Streaming request /all"),
                step(2, ENV, Arrow.REQUEST, "Relay Proxy", "Persistent Store", "Get all flags"),
                step(3, ENV, Arrow.RESPONSE, "Relay Proxy", "SDK2", "Streaming response"),
                step(4, ENV, Arrow.NOTE, "Persistent Store", null, "Database goes down")), List.of()));

        LaneLayout layout = model.diagram().layoutProperty().get();
        assertThat(layout.participants()).containsExactly("SDK1", "SDK2", "Relay Proxy", "Persistent Store", "LD");
        assertThat(layout.label(4)).isEqualTo("LaunchDarkly");
        List<TimelineRow> rows = model.diagram().rows();
        assertThat(rows.get(0)).extracting(TimelineRow::fromLane, TimelineRow::toLane, TimelineRow::pointsRight)
                .containsExactly(0, 2, true);
        assertThat(rows.get(1)).extracting(TimelineRow::leftLane, TimelineRow::rightLane).containsExactly(2, 3);
        assertThat(rows.get(2)).extracting(TimelineRow::fromLane, TimelineRow::toLane, TimelineRow::pointsRight,
                TimelineRow::isResponse).containsExactly(2, 1, false, true);
        assertThat(rows.get(3).isNote()).isTrue();
        assertThat(rows.get(3).leftLane()).isEqualTo(3);
    }

    @Test
    void aFailedStoreReadIsAFailureRowWithItsErrorAsDetail() {
        model.reset(new Timeline(ENV, List.of(new TimelineStep(7, Instant.now(), ENV, Arrow.FAILURE, "Relay Proxy",
                "Persistent Store", "Get all flags - FAILED", "Connection refused", null)), List.of()));

        TimelineRow row = model.diagram().rows().get(0);
        assertThat(row.isFailure()).isTrue();
        assertThat(row.describe()).isEqualTo("Get all flags - FAILED\nConnection refused");
        assertThat(model.diagram().rows()).noneMatch(TimelineRow::marked);
    }

    @Test
    void sdksBeyondTheFourthShareTheLastSdkColumn() {
        model.reset(new Timeline(ENV, List.of(step(1, ENV, Arrow.REQUEST, "SDK6", "Relay Proxy", "Polling request /sdk/latest-all")),
                List.of()));

        LaneLayout layout = model.diagram().layoutProperty().get();
        assertThat(layout.participants()).containsExactly("SDK1", "SDK2", "SDK3", "SDK4", "Relay Proxy",
                "Persistent Store", "LD");
        assertThat(layout.label(3)).isEqualTo("SDK4+");
        assertThat(model.diagram().rows().get(0).fromLane()).isEqualTo(3);
    }

    @Test
    void aTicksBatchAddsOnlyNewStepsOfTheShownEnvironmentAndNothingWhilePaused() {
        model.reset(new Timeline(ENV, List.of(step(1, ENV, Arrow.REQUEST, "SDK1", "Relay Proxy", "a")), List.of()));

        model.accept(List.of(step(1, ENV, Arrow.REQUEST, "SDK1", "Relay Proxy", "a"),
                step(2, "staging", Arrow.REQUEST, "SDK1", "Relay Proxy", "other environment"),
                step(3, ENV, Arrow.RESPONSE, "Relay Proxy", "SDK1", "b")));
        assertThat(model.diagram().rows()).extracting(TimelineRow::label).containsExactly("a", "b");

        model.pausedProperty().set(true);
        model.accept(List.of(step(4, ENV, Arrow.NOTE, "Relay Proxy", null, "while paused")));
        assertThat(model.diagram().rows()).hasSize(2);
    }

    @Test
    void exportIsMermaidSequenceDiagramTextOfTheShownSteps() {
        model.reset(new Timeline(ENV, List.of(
                step(1, ENV, Arrow.REQUEST, "SDK1", "Relay Proxy", "Streaming request /all"),
                new TimelineStep(2, Instant.now(), ENV, Arrow.FAILURE, "Relay Proxy", "Persistent Store",
                        "Get all flags - FAILED", "refused", null),
                step(3, ENV, Arrow.RESPONSE, "Relay Proxy", "SDK1", "Service Unavailable")), List.of()));

        assertThat(model.toMermaid()).isEqualTo("""
                sequenceDiagram
                participant SDK1
                participant Relay Proxy
                participant Persistent Store

                SDK1->>Relay Proxy: Streaming request /all
                Relay Proxy-xPersistent Store: Get all flags - FAILED
                Relay Proxy-->>SDK1: Service Unavailable
                """);
    }
}
