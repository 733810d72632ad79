package io.relayconsole.demo;

import static io.relayconsole.demo.StepPatterns.failure;
import static io.relayconsole.demo.StepPatterns.message;
import static io.relayconsole.demo.StepPatterns.note;
import static io.relayconsole.demo.StepPatterns.response;
import static io.relayconsole.timeline.Participants.RELAY;
import static io.relayconsole.timeline.Participants.STORE;
import static io.relayconsole.timeline.Participants.UPSTREAM;

import io.relayconsole.simulator.UpstreamFault;
import io.relayconsole.timeline.DiagramComparison;
import io.relayconsole.timeline.SequenceDiagram;
import io.relayconsole.timeline.TimelineStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Plays the persistent-storage document's four diagrams against a real relay, the built-in upstream, a store
 * (the in-process {@link DemoDatabase} unless given another) and demo SDKs, with the waits shortened (cache TTL
 * 3 s instead of 30 s, initTimeout 2.5 s instead of 10 s); records the relay's timeline and compares it with the
 * document's drawing. Blocking: the console runs it off its UI thread, follows it through
 * {@link ScenarioProgress}, and may {@link #cancel()} it.
 */
public final class ScenarioRunner {
    public static final Duration CACHE_TTL = Duration.ofSeconds(3);
    /** The cold relay's; warm relays keep the document's 10 s, so a slow first start cannot reach it. */
    public static final Duration INIT_TIMEOUT = Duration.ofMillis(2_500);
    static final Duration WARM_INIT_TIMEOUT = Duration.ofSeconds(10);
    /** Short enough that an outage shows a few retries within a second. */
    static final Duration FAST_RETRY = Duration.ofMillis(200);
    /**
     * For the cold relay: the first retry comes 1-2 s after the first failure (the backoff's jitter halves at
     * most), and the next at least 2 s after that, so exactly two attempts fail before initTimeout elapses.
     */
    static final Duration COLD_RETRY = Duration.ofSeconds(2);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

    private final Supplier<ScenarioStore> stores;
    private volatile boolean cancelled;
    private volatile StepWaiter running;

    /** Each run gets a fresh in-process {@link DemoDatabase}. */
    public ScenarioRunner() {
        this(() -> ScenarioStore.demo("scenario"));
    }

    /** Each run gets the store {@code stores} supplies (for example a real Redis behind a {@link FaultProxy}). */
    public ScenarioRunner(Supplier<ScenarioStore> stores) {
        this.stores = stores;
    }

    public ScenarioResult run(Scenario scenario) throws InterruptedException {
        return run(scenario, ScenarioProgress.NONE);
    }

    /**
     * Plays one scenario.
     *
     * @throws java.util.concurrent.CancellationException when {@link #cancel()} was called
     */
    public ScenarioResult run(Scenario scenario, ScenarioProgress progress) throws InterruptedException {
        cancelled = false;
        SequenceDiagram expected = scenario.expectedDiagram();
        try (ScenarioSession session = new ScenarioSession(stores.get(), progress, () -> cancelled)) {
            running = session.steps();
            String problem = null;
            try {
                play(scenario, session, progress);
            } catch (ScenarioException e) {
                problem = e.getMessage();
            }
            SequenceDiagram observed = session.window(problem == null).diagram()
                    .restrictedTo(expected.participants());
            return new ScenarioResult(scenario, expected, observed, DiagramComparison.compare(expected, observed),
                    problem);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the built-in upstream", e);
        } finally {
            running = null;
        }
    }

    /** Plays every scenario in order (stops at a cancel). */
    public List<ScenarioResult> runAll(ScenarioProgress progress) throws InterruptedException {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            results.add(run(s, progress));
        }
        return results;
    }

    /** Stops a running scenario at its next wait; its {@code run} throws {@code CancellationException}. */
    public void cancel() {
        cancelled = true;
        StepWaiter waiter = running;
        if (waiter != null) {
            waiter.wakeUp();
        }
    }

    private void play(Scenario scenario, ScenarioSession s, ScenarioProgress progress) throws InterruptedException {
        Script script = new Script(s, progress);
        switch (scenario) {
            case STORE_UP_WITH_TTL -> storeUpWithTtl(script);
            case STORE_OUTAGE_WITH_TTL -> storeOutageWithTtl(script);
            case UPSTREAM_OUTAGE_COLD_RELAY -> upstreamOutageColdRelay(script);
            case UPSTREAM_OUTAGE_WARM_RELAY -> upstreamOutageWarmRelay(script);
        }
    }

    private static void storeUpWithTtl(Script s) throws InterruptedException {
        s.startWarmRelay(FAST_RETRY);
        s.sdkServed("SDK1");
        s.ttlPasses();
        s.sdkServed("SDK2");
    }

    private static void storeOutageWithTtl(Script s) throws InterruptedException {
        s.startWarmRelay(FAST_RETRY);
        s.sdkServed("SDK1");
        s.ttlPasses();
        s.act("The database goes down", () -> s.session.store().takeDown());
        s.sdkRefused("SDK2");
        s.sdkBacksOff("SDK2");
        s.sdkRefused("SDK2");
        s.act("The database comes back up", () -> s.session.store().bringUp());
        s.await("Database comes back up", note(STORE, "Database comes back up"));
        s.await("the relay writes its data back", message(RELAY, STORE, "Store all flags"));
        s.sdkBacksOff("SDK2");
        s.sdkServed("SDK2");
    }

    private static void upstreamOutageColdRelay(Script s) throws InterruptedException {
        s.progress.onAction("An earlier relay fills the store");
        s.session.startRelay(CACHE_TTL, WARM_INIT_TIMEOUT, FAST_RETRY, false);
        s.session.awaitRelayInitialized(STEP_TIMEOUT);
        s.session.closeRelay();
        s.act("LaunchDarkly goes down", () -> s.session.upstreamFault(UpstreamFault.HTTP_503));
        s.progress.onAction("A cold relay starts");
        s.session.startRelay(CACHE_TTL, INIT_TIMEOUT, COLD_RETRY, true);
        s.await("the first request to LaunchDarkly fails", failure(RELAY, UPSTREAM));
        s.await("the retry fails too", failure(RELAY, UPSTREAM));
        s.sdkRefusedAtTheDoor("SDK1");
        s.await("initTimeout elapses", st -> st.isNote() && st.text().contains("initTimeout elapses"));
        s.await("the relay reads the store", message(RELAY, STORE, "Get all flags"));
        s.sdkServed("SDK1");
    }

    private static void upstreamOutageWarmRelay(Script s) throws InterruptedException {
        s.startWarmRelay(FAST_RETRY);
        s.sdkServed("SDK1");
        s.act("LaunchDarkly goes down", () -> s.session.upstreamFault(UpstreamFault.HTTP_503));
        s.await("the relay loses its stream", note(UPSTREAM, "LaunchDarkly goes down"));
        s.await("a retry fails", failure(RELAY, UPSTREAM));
        s.sdkServed("SDK2");
        s.await("the relay keeps retrying", st -> failure(RELAY, UPSTREAM).test(st)
                || note(RELAY, "Backoff and retry").test(st));
        s.act("LaunchDarkly comes back up", () -> s.session.upstreamFault(UpstreamFault.NONE));
        s.await("LaunchDarkly answers again", response(UPSTREAM, RELAY));
        s.await("the relay stores the fresh flags", message(RELAY, STORE, "Store all flags"));
    }

    /** The scenarios' common moves, each waiting for the steps it makes the relay draw. */
    private static final class Script {
        final ScenarioSession session;
        final ScenarioProgress progress;

        Script(ScenarioSession session, ScenarioProgress progress) {
            this.session = session;
            this.progress = progress;
        }

        void act(String description, Runnable action) {
            progress.onAction(description);
            action.run();
        }

        TimelineStep await(String description, Predicate<TimelineStep> wanted) throws InterruptedException {
            return session.steps().await(description, wanted, STEP_TIMEOUT);
        }

        void startWarmRelay(Duration retryDelay) throws InterruptedException {
            progress.onAction("The relay starts and connects to LaunchDarkly");
            session.startRelay(CACHE_TTL, WARM_INIT_TIMEOUT, retryDelay, true);
            await("LaunchDarkly answers", response(UPSTREAM, RELAY));
            await("the relay stores all flags", message(RELAY, STORE, "Store all flags"));
        }

        void ttlPasses() throws InterruptedException {
            progress.onAction("The cache TTL passes");
            session.steps().pause(CACHE_TTL.plusMillis(200));
            session.note(RELAY, seconds(CACHE_TTL) + " seconds pass");
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

        /** What a real SDK does after a refusal; the relay cannot see it, so the demo SDK says so. */
        void sdkBacksOff(String sdk) {
            session.note(sdk, "Backoff and retry");
        }

        private DemoSdk.Outcome connect(String sdk) {
            progress.onAction(sdk + " connects");
            try {
                return session.sdk(sdk).connect();
            } catch (IOException e) {
                throw new ScenarioException(sdk + " could not connect: " + e.getMessage());
            }
        }

        private static String seconds(Duration d) {
            return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
        }
    }
}
