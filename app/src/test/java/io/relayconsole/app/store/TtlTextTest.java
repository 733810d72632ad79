package io.relayconsole.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TtlTextTest {

    @Test
    void readsUnitsZeroAndForever() {
        assertThat(TtlText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(TtlText.parse(" 45 ")).isEqualTo(Duration.ofSeconds(45));
        assertThat(TtlText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(TtlText.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(TtlText.parse("0")).isZero();
        assertThat(TtlText.parse("forever")).isNegative();
        assertThat(TtlText.parse("-1")).isNegative();
    }

    @Test
    void formatReadsBack() {
        for (Duration d : new Duration[] {Duration.ofSeconds(30), Duration.ofMillis(250), Duration.ZERO, Duration.ofMillis(-1)}) {
            assertThat(TtlText.parse(TtlText.format(d)).isNegative()).isEqualTo(d.isNegative());
            if (!d.isNegative()) {
                assertThat(TtlText.parse(TtlText.format(d))).isEqualTo(d);
            }
        }
    }

    @Test
    void nonsenseSaysWhatToType() {
        assertThatThrownBy(() -> TtlText.parse("soon")).hasMessage(
                "Type a TTL such as 30s, 500ms, 5m, 0 (no cache) or forever");
        assertThatThrownBy(() -> TtlText.parse("-5s")).isInstanceOf(IllegalArgumentException.class);
    }
}
