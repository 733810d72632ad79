package io.relayconsole.app.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CountdownTest {
    private final Instant now = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void countsDownInWholeSecondsRoundingUp() {
        assertThat(Countdown.text(now.plusMillis(4_200), now)).isEqualTo("next retry in 5 s");
        assertThat(Countdown.text(now.plusMillis(200), now)).isEqualTo("next retry in 1 s");
        assertThat(Countdown.text(now.plusSeconds(150), now)).isEqualTo("next retry in 2 min 30 s");
    }

    @Test
    void dueOrNoRetry() {
        assertThat(Countdown.text(now.minusSeconds(1), now)).isEqualTo("retrying now");
        assertThat(Countdown.text(null, now)).isEqualTo("no retry scheduled");
    }
}
