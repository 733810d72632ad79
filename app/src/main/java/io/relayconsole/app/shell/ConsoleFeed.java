package io.relayconsole.app.shell;

import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEvent;
import io.relayconsole.relay.RelayListener;
import io.relayconsole.relay.RelaySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the console from the engine at a bounded rate. Relay events are buffered as they happen (on the relay's
 * event thread); a few times a second a background thread takes a snapshot (which may touch a store) and hands
 * snapshot plus buffered events to the FX thread in one call. At most one hand-over is pending: a busy FX thread
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
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "console-feed");
        t.setDaemon(true);
        return t;
    });

    /** {@code onFxThread} receives each tick's snapshot and the events since the previous tick, oldest first. */
    public ConsoleFeed(Relay relay, BiConsumer<RelaySnapshot, List<RelayEvent>> onFxThread) {
        this.relay = relay;
        this.onFxThread = onFxThread;
        relay.addListener(this);
        timer.scheduleWithFixedDelay(() -> tick(onFxThread), 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
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
            timer.execute(() -> tick(onFxThread));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The console is closing; nothing to refresh.
        }
    }

    /** Events the console could not keep up with. */
    public long dropped() {
        return dropped.get();
    }

    private void tick(BiConsumer<RelaySnapshot, List<RelayEvent>> onFxThread) {
        if (pending.get()) {
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
        relay.removeListener(this);
        timer.shutdownNow();
    }
}
