package io.relayconsole.server;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code maxClientConnectionTime} with jitter: each stream's limit is drawn from the last tenth below the setting
 * (90–100 %), so streams opened together (after a deploy, or a relay's restart) do not all reconnect together, and
 * SDKs spread over the relays behind a load balancer a little at a time. Never longer than the operator asked.
 */
final class ConnectionAge {
    static final double JITTER = 0.10;

    private ConnectionAge() {
    }

    /** The limit for one stream; null (no limit) stays null. */
    static Duration withJitter(Duration max) {
        if (max == null || max.toMillis() <= 0) {
            return max;
        }
        long ms = max.toMillis();
        long spread = (long) (ms * JITTER);
        return Duration.ofMillis(ms - (spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(spread + 1)));
    }
}
