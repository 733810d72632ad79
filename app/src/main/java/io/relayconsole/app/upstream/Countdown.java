package io.relayconsole.app.upstream;

import java.time.Duration;
import java.time.Instant;

/** The next-retry countdown in words; recomputed each second on the FX thread, no I/O. */
public final class Countdown {
    private Countdown() {
    }

    public static String text(Instant nextRetryAt, Instant now) {
        if (nextRetryAt == null) {
            return "no retry scheduled";
        }
        long millis = Duration.between(now, nextRetryAt).toMillis();
        if (millis <= 0) {
            return "retrying now";
        }
        long seconds = (millis + 999) / 1000; // 0.2 s left still reads "in 1 s", never "in 0 s"
        return seconds < 120 ? "next retry in " + seconds + " s"
                : "next retry in " + seconds / 60 + " min " + seconds % 60 + " s";
    }
}
