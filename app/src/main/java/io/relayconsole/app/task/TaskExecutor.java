package io.relayconsole.app.task;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The console's background threads, all in one place. Work runs on a {@link Lane}: one named daemon thread
 * per lane, so a lane's tasks run one at a time in the order given, and a slow lane (a scenario takes seconds)
 * never holds up another. Results and failures go back to the FX thread, which never waits for I/O. The
 * console closes it once, when it closes: running tasks are interrupted and later ones refused.
 */
public final class TaskExecutor implements AutoCloseable {

    /** What runs where; each lane is one thread, so ordering holds within a lane. */
    public enum Lane {
        /** Loading the configuration, starting the engine, then every engine command in the order issued. */
        ENGINE("console-engine"),
        /** The feed's ticks: a snapshot of the relay a few times a second, never behind a slow command. */
        FEED("console-feed"),
        /** Rebuilding what a screen shows from the engine (the flag rows). */
        VIEWS("console-views"),
        /** Scenario playback: seconds per scenario, each on a relay of its own. */
        SCENARIOS("console-scenarios");

        private final String threadName;

        Lane(String threadName) {
            this.threadName = threadName;
        }
    }

    private final Executor fxThread;
    private final Map<Lane, ScheduledExecutorService> lanes = new EnumMap<>(Lane.class);

    /** Hands results to the JavaFX application thread. */
    public TaskExecutor() {
        this(Platform::runLater);
    }

    /** Hands results to {@code fxThread} (a test can pass a direct executor). */
    public TaskExecutor(Executor fxThread) {
        this.fxThread = fxThread;
        for (Lane lane : Lane.values()) {
            // A thread starts with the lane's first task, so an unused lane costs nothing.
            lanes.put(lane, new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, lane.threadName);
                t.setDaemon(true);
                return t;
            }));
        }
    }

    /** Runs {@code task} on {@code lane}; the future completes there (refused once closed). */
    public <T> CompletableFuture<T> supply(Lane lane, Supplier<T> task) {
        try {
            return CompletableFuture.supplyAsync(task, lanes.get(lane));
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.failedFuture(closed);
        }
    }

    /**
     * Runs {@code task} on {@code lane} and hands its result, or its failure (unwrapped), to the FX thread.
     * A task refused because the console closed reports nothing: there is nothing left to show it.
     */
    public <T> CompletableFuture<T> run(Lane lane, Supplier<T> task, Consumer<T> onFxThread,
                                        Consumer<Throwable> onError) {
        CompletableFuture<T> future = supply(lane, task);
        future.whenComplete((result, error) -> {
            if (error instanceof RejectedExecutionException) {
                return;
            }
            fxThread.execute(() -> {
                if (error != null) {
                    onError.accept(error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error);
                } else {
                    onFxThread.accept(result);
                }
            });
        });
        return future;
    }

    /** As {@link #run(Lane, Supplier, Consumer, Consumer)}; a failure nobody expects goes to the error dialog. */
    public <T> CompletableFuture<T> run(Lane lane, Supplier<T> task, Consumer<T> onFxThread) {
        return run(lane, task, onFxThread, TaskExecutor::reportUnexpected);
    }

    /**
     * Runs {@code task} on {@code lane}; cancelling the future with {@code true} interrupts it. A failure goes
     * to the uncaught-exception handler (the error dialog), as on a thread of its own.
     */
    public Future<?> execute(Lane lane, Runnable task) {
        return lanes.get(lane).submit(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                reportUnexpected(e);
                throw e;
            }
        });
    }

    /** Runs {@code tick} now and then {@code delay} after each run ends, until the future is cancelled. */
    public ScheduledFuture<?> repeat(Lane lane, Duration delay, Runnable tick) {
        return lanes.get(lane).scheduleWithFixedDelay(tick, 0, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Interrupts what runs and refuses what comes later. Safe to call more than once. */
    @Override
    public void close() {
        lanes.values().forEach(ScheduledExecutorService::shutdownNow);
    }

    private static void reportUnexpected(Throwable error) {
        Thread here = Thread.currentThread();
        here.getUncaughtExceptionHandler().uncaughtException(here, error);
    }
}
