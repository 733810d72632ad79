package io.relayconsole.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.bigsegments.BigSegmentSyncStats;
import io.relayconsole.bigsegments.SyncState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the Store screen's big-segment section says for each synchronizer state. */
class BigSegmentsModelTest {
    private final StoreViewModel.BigSegmentsModel model = new StoreViewModel.BigSegmentsModel();
    private final Instant now = Instant.parse("2026-12-01T10:00:30Z");

    @Test
    void withoutBigSegmentsItSaysSo() {
        model.apply(BigSegmentSyncStats.none(), now);
        assertThat(model.stateProperty().get()).isEqualTo("no big segments in the data");
        assertThat(model.synchronizedOnProperty().get()).isEqualTo("—");
    }

    @Test
    void streamingShowsCursorFreshnessAndCounts() {
        model.apply(new BigSegmentSyncStats(SyncState.STREAMING, "42", now.minusSeconds(12), false, 2, 42, 1500, 1, 0,
                null, null, "synchronizing into redis"), now);
        assertThat(model.stateProperty().get()).isEqualTo("streaming: up to date");
        assertThat(model.cursorProperty().get()).isEqualTo("42");
        assertThat(model.synchronizedOnProperty().get()).endsWith("(12 s ago), fresh");
        assertThat(model.writtenProperty().get())
                .isEqualTo("2 segment(s); 42 patch(es), 1500 membership change(s) written; 1 out of order, 0 malformed");
        assertThat(model.lastErrorProperty().get()).isEqualTo("none");
    }

    @Test
    void anErrorAndAStaleStoreAreShown() {
        model.apply(new BigSegmentSyncStats(SyncState.ERROR, "7", null, true, 1, 7, 7, 0, 0,
                "Redis write failed", now, null), now);
        assertThat(model.stateProperty().get()).isEqualTo("error: retrying");
        assertThat(model.synchronizedOnProperty().get()).isEqualTo("never (stale)");
        assertThat(model.lastErrorProperty().get()).startsWith("Redis write failed at ");
    }

    @Test
    void anUnsupportedStoreShowsTheRule() {
        model.apply(new BigSegmentSyncStats(SyncState.UNSUPPORTED, null, null, false, 1, 0, 0, 0, 0, null, null,
                "The data holds 1 big segment(s) but the store is in-memory: ..."), now);
        assertThat(model.stateProperty().get()).startsWith("not synchronized: The data holds 1 big segment(s)");
        assertThat(model.synchronizedOnProperty().get()).as("nothing synchronizes, so nothing is stale").isEqualTo("—");
    }

    @Test
    void aStoppedEnvironmentKeepsItsLastCursorOnShow() {
        model.apply(new BigSegmentSyncStats(SyncState.STOPPED, "9", now.minusSeconds(40), false, 1, 9, 30, 0, 0, null,
                null, "stopped with the environment"), now);
        assertThat(model.stateProperty().get()).isEqualTo("stopped with the environment");
        assertThat(model.cursorProperty().get()).isEqualTo("9");
        assertThat(model.synchronizedOnProperty().get()).endsWith("(40 s ago), fresh");
    }
}
