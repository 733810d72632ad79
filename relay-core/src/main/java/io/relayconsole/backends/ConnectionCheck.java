package io.relayconsole.backends;

import io.relayconsole.store.DataStore;
import java.time.Duration;

/** "Test connection": whether a store answered, whether it holds a complete data set, how long it took, in words. */
public record ConnectionCheck(boolean available, boolean initialized, Duration latency, String message) {

    static ConnectionCheck of(DataStore store) {
        long start = System.nanoTime();
        boolean available = store.isAvailable();
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        if (!available) {
            return new ConnectionCheck(false, false, latency, "No answer from " + store.description().label());
        }
        boolean initialized = store.isInitialized();
        return new ConnectionCheck(true, initialized, latency, "Connected to " + store.description().label()
                + " in " + latency.toMillis() + " ms; " + (initialized
                ? "it holds a complete data set" : "it holds no data yet (Switch writes the relay's data)"));
    }

    static ConnectionCheck failed(RuntimeException e) {
        return new ConnectionCheck(false, false, Duration.ZERO, "Cannot connect: " + e.getMessage());
    }
}
