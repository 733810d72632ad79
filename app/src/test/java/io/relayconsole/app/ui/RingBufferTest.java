package io.relayconsole.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RingBufferTest {

    @Test
    void keepsTheNewestSamplesOldestFirst() {
        RingBuffer ring = new RingBuffer(3);
        for (int i = 1; i <= 5; i++) {
            ring.add(i);
        }
        assertThat(ring.size()).isEqualTo(3);
        assertThat(List.of(ring.get(0), ring.get(1), ring.get(2))).containsExactly(3.0, 4.0, 5.0);
        assertThat(ring.max()).isEqualTo(5.0);
    }
}
