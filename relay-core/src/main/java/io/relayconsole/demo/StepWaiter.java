package io.relayconsole.demo;

import io.relayconsole.timeline.TimelineListener;
import io.relayconsole.timeline.TimelineStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Lets a scenario wait for the relay to draw a step, in order: each wait looks only at steps after the last
 * one waited for. Every wait ends early when the scenario is cancelled.
 */
final class StepWaiter implements TimelineListener {
    private static final long POLL_MS = 20;

    private final List<TimelineStep> steps = new ArrayList<>();
    private final ScenarioProgress progress;
    private final BooleanSupplier cancelled;
    private int cursor;
    private long lastAwaitedSequence;

    StepWaiter(ScenarioProgress progress, BooleanSupplier cancelled) {
        this.progress = progress;
        this.cancelled = cancelled;
    }

    @Override
    public void onStep(TimelineStep step) {
        synchronized (this) {
            steps.add(step);
            notifyAll();
        }
        progress.onStep(step);
    }

    /** The first step after the previous awaited one that matches; fails after {@code timeout}. */
    synchronized TimelineStep await(String description, Predicate<TimelineStep> wanted, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = cursor; i < steps.size(); i++) {
                if (wanted.test(steps.get(i))) {
                    cursor = i + 1;
                    lastAwaitedSequence = steps.get(i).sequence();
                    return steps.get(i);
                }
            }
            checkCancelled();
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new ScenarioException("the relay did not draw \"" + description + "\" within "
                        + timeout.toSeconds() + " s");
            }
            wait(Math.min(POLL_MS, Math.max(1, remaining / 1_000_000)));
        }
    }

    /** Sequence of the last step waited for: the end of the scenario's window. */
    synchronized long lastAwaitedSequence() {
        return lastAwaitedSequence;
    }

    /** Waits until {@code condition} holds (polled), failing after {@code timeout}. */
    void until(String description, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new ScenarioException("timed out waiting until " + description);
            }
            pause(Duration.ofMillis(POLL_MS));
        }
    }

    /** Lets time pass (the document's "30 seconds pass"), cancellable. */
    void pause(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (this) {
            long remaining;
            while ((remaining = deadline - System.nanoTime()) > 0) {
                checkCancelled();
                wait(Math.min(POLL_MS, Math.max(1, remaining / 1_000_000)));
            }
        }
        checkCancelled();
    }

    synchronized void wakeUp() {
        notifyAll();
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("scenario cancelled");
        }
    }
}
