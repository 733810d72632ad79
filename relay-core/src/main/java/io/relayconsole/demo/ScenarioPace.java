package io.relayconsole.demo;

import java.time.Duration;

/**
 * How fast a scenario plays: the cache TTL and initTimeout the relay runs with, and a pause before each of the
 * runner's actions so a presenter can narrate. {@link #QUICK} is for tests and the "Run" button; {@link #DOCUMENT}
 * waits the document's own 30 s TTL and 10 s initTimeout; {@link #scaled} anything between.
 */
public record ScenarioPace(Duration cacheTtl, Duration initTimeout, Duration beforeEachAction) {
    /** Cache TTL 3 s instead of 30, cold initTimeout 2.5 s instead of 10, no pauses. */
    public static final ScenarioPace QUICK = new ScenarioPace(Duration.ofSeconds(3), Duration.ofMillis(2_500),
            Duration.ZERO);
    /** The document's durations, with 2 s to say what is about to happen before each action. */
    public static final ScenarioPace DOCUMENT = new ScenarioPace(Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofSeconds(2));

    public ScenarioPace {
        if (cacheTtl.compareTo(Duration.ofMillis(500)) < 0 || initTimeout.compareTo(Duration.ofMillis(500)) < 0
                || beforeEachAction.isNegative()) {
            throw new IllegalArgumentException("a scenario needs a cache TTL and initTimeout of at least 500 ms");
        }
    }

    /** The document's durations divided by {@code speed} (10 = ten times faster), pauses included. */
    public static ScenarioPace scaled(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, was " + speed);
        }
        return new ScenarioPace(scale(DOCUMENT.cacheTtl, speed), scale(DOCUMENT.initTimeout, speed),
                scale(DOCUMENT.beforeEachAction, speed));
    }

    private static Duration scale(Duration d, double speed) {
        return Duration.ofMillis(Math.max(500, Math.round(d.toMillis() / speed)));
    }
}
