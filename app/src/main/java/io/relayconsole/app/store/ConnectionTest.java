package io.relayconsole.app.store;

import io.relayconsole.store.DataStore;
import java.time.Duration;

/** "Test connection": builds the store, asks whether it answers and holds data, times it, and closes it. */
public record ConnectionTest(boolean available, boolean initialized, Duration latency, String message) {

    /** Runs off the FX thread (network I/O). Always closes the store. */
    public static ConnectionTest run(DataStore store) {
        try (store) {
            long start = System.nanoTime();
            boolean available = store.isAvailable();
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            if (!available) {
                return new ConnectionTest(false, false, latency, "No answer from " + store.description().label());
            }
            boolean initialized = store.isInitialized();
            return new ConnectionTest(true, initialized, latency, "Connected to " + store.description().label()
                    + " in " + latency.toMillis() + " ms; " + (initialized
                    ? "it holds a complete data set" : "it holds no data yet (Switch writes the relay's data)"));
        } catch (RuntimeException e) { // StoreException, bad options, client errors: all shown, none fatal
            return new ConnectionTest(false, false, Duration.ZERO, "Cannot connect: " + e.getMessage());
        }
    }
}
