package io.relayconsole.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyHistoryTest {

    @Test
    void keepsTheNewestSamplesOldestFirst() {
        LatencyHistory history = new LatencyHistory(3);
        for (int i = 1; i <= 5; i++) {
            history.add(i);
        }
        assertThat(history.size()).isEqualTo(3);
        assertThat(new double[] {history.get(0), history.get(1), history.get(2)}).containsExactly(3, 4, 5);
        assertThat(history.max()).isEqualTo(5);
    }
}
