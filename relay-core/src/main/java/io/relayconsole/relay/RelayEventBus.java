package io.relayconsole.relay;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events from I/O and data-source threads to listeners on one dedicated thread. The queue is bounded:
 * when listeners fall behind, events are dropped and counted rather than letting memory grow.
 */
final class RelayEventBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayEventBus.class);
    private static final int CAPACITY = 100_000;

    private final List<RelayListener> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<RelayEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    RelayEventBus() {
        thread = new Thread(this::run, "relay-events");
        thread.setDaemon(true);
        thread.start();
    }

    void addListener(RelayListener listener) {
        listeners.add(listener);
    }

    void removeListener(RelayListener listener) {
        listeners.remove(listener);
    }

    /** Events dropped because listeners could not keep up. */
    long dropped() {
        return dropped.get();
    }

    void publish(RelayEvent event) {
        if (listeners.isEmpty()) {
            return; // nobody watching: no cost on the hot path
        }
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    private void run() {
        while (running) {
            RelayEvent event;
            try {
                event = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event == null) {
                continue;
            }
            for (RelayListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("A relay listener failed on {}", event.getClass().getSimpleName(), e);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
