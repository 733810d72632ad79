package io.relayconsole.demo;

import static io.relayconsole.demo.StepPatterns.failure;
import static io.relayconsole.demo.StepPatterns.message;
import static io.relayconsole.demo.StepPatterns.response;
import static io.relayconsole.timeline.Participants.RELAY;
import static io.relayconsole.timeline.Participants.STORE;
import static io.relayconsole.timeline.Participants.UPSTREAM;

import io.relayconsole.timeline.TimelineStep;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Predicate;

/** The scenarios' common moves, each waiting for the steps it makes the relay draw. */
final class ScenarioMoves {
    /** Warm relays keep the document's 10 s initTimeout, so a slow first start cannot reach it. */
    static final Duration WARM_INIT_TIMEOUT = Duration.ofSeconds(10);
    /** Short enough that an outage shows a few retries within a second. */
    static final Duration FAST_RETRY = Duration.ofMillis(200);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

    final ScenarioSession session;
    final ScenarioProgress progress;
    final ScenarioPace pace;

    ScenarioMoves(ScenarioSession session, ScenarioProgress progress, ScenarioPace pace) {
        this.session = session;
        this.progress = progress;
        this.pace = pace;
    }

    /** Says what is about to happen, then (at a presenter's pace) gives the audience a moment. */
    void announce(String description) throws InterruptedException {
        progress.onAction(description);
        if (!pace.beforeEachAction().isZero()) {
            session.steps().pause(pace.beforeEachAction());
        }
    }

    void act(String description, Runnable action) throws InterruptedException {
        announce(description);
        action.run();
    }

    TimelineStep await(String description, Predicate<TimelineStep> wanted) throws InterruptedException {
        return session.steps().await(description, wanted, STEP_TIMEOUT.plus(pace.initTimeout()));
    }

    /**
     * For the cold relay: the first retry comes 1-2 s after the first failure (the backoff's jitter halves at
     * most), and the next at least 2 s after that, so exactly two attempts fail before a 2.5 s initTimeout.
     */
    Duration coldRetry() {
        return pace.initTimeout().multipliedBy(4).dividedBy(5);
    }

    void startWarmRelay(Duration retryDelay) throws InterruptedException {
        announce("The relay starts and connects to LaunchDarkly");
        session.startRelay(pace.cacheTtl(), WARM_INIT_TIMEOUT, retryDelay, true);
        await("LaunchDarkly answers", response(UPSTREAM, RELAY));
        await("the relay stores all flags", message(RELAY, STORE, "Store all flags"));
    }

    void ttlPasses() throws InterruptedException {
        announce("The cache TTL passes");
        session.steps().pause(pace.cacheTtl().plusMillis(200));
        session.note(RELAY, seconds(pace.cacheTtl()) + " seconds pass");
    }

    void sdkServed(String sdk) throws InterruptedException {
        DemoSdk.Outcome outcome = connect(sdk);
        if (!outcome.served()) {
            throw new ScenarioException(sdk + " was not served (HTTP " + outcome.status() + ")");
        }
        await(sdk + " is served", response(RELAY, sdk));
    }

    void sdkRefused(String sdk) throws InterruptedException {
        DemoSdk.Outcome outcome = connect(sdk);
        if (outcome.status() != 503) {
            throw new ScenarioException(sdk + " should have been refused, got HTTP " + outcome.status());
        }
        await(sdk + " is refused", response(RELAY, sdk));
    }

    void sdkRefusedAtTheDoor(String sdk) throws InterruptedException {
        DemoSdk.Outcome outcome = connect(sdk);
        if (outcome.status() != 503) {
            throw new ScenarioException(sdk + " should have been refused, got HTTP " + outcome.status());
        }
        await(sdk + " is refused", failure(sdk, RELAY));
    }

    /** {@code sdk}, a browser SDK, asks for its flag values; the relay must answer {@code expectedStatus}. */
    void browserEvaluates(String sdk, int expectedStatus) throws InterruptedException {
        announce(sdk + " (a browser) asks for its flag values");
        int status;
        try {
            status = session.sdk(sdk).evaluate(ScenarioSession.CLIENT_SIDE_ID);
        } catch (IOException e) {
            throw new ScenarioException(sdk + " could not ask for its flag values: " + e.getMessage());
        }
        if (status != expectedStatus) {
            throw new ScenarioException(sdk + " should have got HTTP " + expectedStatus + ", got HTTP " + status);
        }
        await(sdk + " is answered", response(RELAY, sdk));
    }

    /** {@code sdk} posts {@code count} events; the relay must take them (202) whatever LaunchDarkly is doing. */
    void sdkSendsEvents(String sdk, int count) throws InterruptedException {
        announce(sdk + " sends " + count + " event(s)");
        int status;
        try {
            status = session.sdk(sdk).sendEvents(count);
        } catch (IOException e) {
            throw new ScenarioException(sdk + " could not send events: " + e.getMessage());
        }
        if (status != 202) {
            throw new ScenarioException(sdk + "'s events should have been accepted with 202, got HTTP " + status);
        }
        await(sdk + "'s events are accepted", response(RELAY, sdk));
    }

    /** What a real SDK does after a refusal; the relay cannot see it, so the demo SDK says so. */
    void sdkBacksOff(String sdk) {
        session.note(sdk, "Backoff and retry");
    }

    private DemoSdk.Outcome connect(String sdk) throws InterruptedException {
        announce(sdk + " connects");
        try {
            return session.sdk(sdk).connect();
        } catch (IOException e) {
            throw new ScenarioException(sdk + " could not connect: " + e.getMessage());
        }
    }

    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
