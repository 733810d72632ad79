package io.relayconsole.app.service;

import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelaySnapshot;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a relay snapshot a few times a second on a background thread (a snapshot may read a store) and hands
 * it to the FX thread. At most one hand-over is pending at a time, so a busy FX thread skips ticks instead of
 * queueing them: the view models see a bounded rate whatever the relay's event rate.
 */
public final class SnapshotFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFeed.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "console-snapshots");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    public SnapshotFeed(Relay relay, long periodMillis, Consumer<RelaySnapshot> onFxThread) {
        timer.scheduleWithFixedDelay(() -> {
            if (pending.get()) {
                return;
            }
            try {
                RelaySnapshot snapshot = relay.snapshot();
                pending.set(true);
                Platform.runLater(() -> {
                    pending.set(false);
                    onFxThread.accept(snapshot);
                });
            } catch (RuntimeException e) {
                LOG.warn("Could not take a relay snapshot", e);
            }
        }, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
