package io.relayconsole.app.shell;

import io.relayconsole.app.task.TaskExecutor;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEvent;
import io.relayconsole.relay.RelayListener;
import io.relayconsole.relay.RelaySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the console from the engine at a bounded rate. Relay events are buffered as they happen (on the relay's
 * event thread); a few times a second the console's feed lane takes a snapshot (which may touch a store) and
 * hands snapshot plus buffered events to the FX thread in one call. At most one hand-over is pending: a busy FX thread
 * skips ticks rather than queueing them, and a full buffer drops (and counts) events rather than grow.
 */
public final class ConsoleFeed implements RelayListener, AutoCloseable {
    public static final long TICK_MILLIS = 250;
    private static final int BUFFER = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleFeed.class);

    private final Relay relay;
    private final BiConsumer<RelaySnapshot, List<RelayEvent>> onFxThread;
    private final BlockingQueue<RelayEvent> buffer = new ArrayBlockingQueue<>(BUFFER);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final TaskExecutor tasks;
    private final Future<?> ticks;
    private volatile boolean closed;

    /** {@code onFxThread} receives each tick's snapshot and the events since the previous tick, oldest first. */
    public ConsoleFeed(Relay relay, BiConsumer<RelaySnapshot, List<RelayEvent>> onFxThread, TaskExecutor tasks) {
        this.relay = relay;
        this.onFxThread = onFxThread;
        this.tasks = tasks;
        relay.addListener(this);
        ticks = tasks.repeat(TaskExecutor.Lane.FEED, Duration.ofMillis(TICK_MILLIS), this::tick);
    }

    @Override
    public void onEvent(RelayEvent event) {
        if (!buffer.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /** Takes a snapshot now instead of waiting for the next tick (still at most one hand-over pending). */
    public void refreshNow() {
        try {
            // On the feed lane, so it never runs beside a tick.
            tasks.execute(TaskExecutor.Lane.FEED, this::tick);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The console is closing; nothing to refresh.
        }
    }

    /** Events the console could not keep up with. */
    public long dropped() {
        return dropped.get();
    }

    private void tick() {
        if (closed || pending.get()) {
            return;
        }
        try {
            RelaySnapshot snapshot = relay.snapshot();
            List<RelayEvent> events = new ArrayList<>(buffer.size());
            buffer.drainTo(events);
            pending.set(true);
            Platform.runLater(() -> {
                pending.set(false);
                onFxThread.accept(snapshot, events);
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not feed the console", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        relay.removeListener(this);
        ticks.cancel(true);
    }
}
