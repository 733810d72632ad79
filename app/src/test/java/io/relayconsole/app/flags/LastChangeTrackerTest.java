package io.relayconsole.app.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.model.DataKind;
import io.relayconsole.relay.RelayEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastChangeTrackerTest {
    private final LastChangeTracker tracker = new LastChangeTracker();
    private final Instant t1 = Instant.parse("2026-01-01T10:00:00Z");
    private final Instant t2 = Instant.parse("2026-01-01T10:05:00Z");

    @Test
    void aPatchDatesItsItemAndAFullDataSetDatesOnlyTheItemsWhoseVersionMoved() {
        tracker.onEvents(List.of(new RelayEvent.FullDataReceived(t1, "dev", 2, 0, true)));
        assertThat(tracker.lastChange("dev", DataKind.FEATURES, "a", 1)).isEqualTo(t1);
        assertThat(tracker.lastChange("dev", DataKind.FEATURES, "b", 1)).isEqualTo(t1);

        tracker.onEvents(List.of(new RelayEvent.ItemReceived(t2, "dev", DataKind.FEATURES, "a", 2, false, true)));
        assertThat(tracker.lastChange("dev", DataKind.FEATURES, "a", 2)).isEqualTo(t2);
        assertThat(tracker.lastChange("dev", DataKind.FEATURES, "b", 1)).isEqualTo(t1);
    }

    @Test
    void environmentsAreTrackedApart() {
        tracker.onEvents(List.of(new RelayEvent.ItemReceived(t2, "dev", DataKind.FEATURES, "a", 2, false, true)));
        assertThat(tracker.lastChange("staging", DataKind.FEATURES, "a", 2)).isNull();
    }
}
