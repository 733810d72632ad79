package io.relayconsole.demo;

import io.relayconsole.timeline.DiagramComparison;
import io.relayconsole.timeline.SequenceDiagram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Plays the persistent-storage document's four diagrams against a real relay, the built-in upstream, a store
 * (the in-process {@link DemoDatabase} unless given another) and demo SDKs, with the waits shortened (cache TTL
 * 3 s instead of 30 s, initTimeout 2.5 s instead of 10 s); records the relay's timeline and compares it with the
 * document's drawing. Blocking: the console runs it off its UI thread, follows it through
 * {@link ScenarioProgress}, and may {@link #cancel()} it.
 */
public final class ScenarioRunner {
    /** {@link ScenarioPace#QUICK}'s. */
    public static final Duration CACHE_TTL = ScenarioPace.QUICK.cacheTtl();
    public static final Duration INIT_TIMEOUT = ScenarioPace.QUICK.initTimeout();

    private final Supplier<ScenarioStore> stores;
    private final ScenarioBackend backend;
    private volatile ScenarioPace pace = ScenarioPace.QUICK;
    private volatile boolean cancelled;
    private volatile StepWaiter running;

    /** Each run gets a fresh in-process {@link DemoDatabase}. */
    public ScenarioRunner() {
        this(ScenarioBackend.DEMO);
    }

    /**
     * Each run starts {@code backend}'s server afresh and stops it afterwards.
     *
     * @see ScenarioBackend#open(String)
     */
    public ScenarioRunner(ScenarioBackend backend) {
        this(backend, () -> backend.open("scenario"));
    }

    /** Each run gets the store {@code stores} supplies (for example a real Redis behind a {@link FaultProxy}). */
    public ScenarioRunner(ScenarioBackend backend, Supplier<ScenarioStore> stores) {
        this.backend = backend;
        this.stores = stores;
    }

    public ScenarioBackend backend() {
        return backend;
    }

    /** How fast the next runs play ({@link ScenarioPace#QUICK} unless set). */
    public ScenarioRunner pace(ScenarioPace newPace) {
        this.pace = java.util.Objects.requireNonNull(newPace);
        return this;
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
        if (!scenario.runsOn(backend)) {
            throw new IllegalArgumentException("scenario " + scenario.number() + " does not run on "
                    + backend.label() + "; it runs on " + scenario.backendsLabel());
        }
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
            return new ScenarioResult(scenario, backend, expected, observed,
                    DiagramComparison.compare(expected, observed), problem);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the built-in upstream", e);
        } finally {
            running = null;
        }
    }

    /** Plays every scenario that runs on this backend, in order (stops at a cancel). */
    public List<ScenarioResult> runAll(ScenarioProgress progress) throws InterruptedException {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : Scenario.on(backend)) {
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
        scenario.script().play(new ScenarioMoves(s, progress, pace));
    }
}
