package io.relayconsole.store;

import java.time.Duration;

/** What an operator's store operation did: items affected, how long it took, and the error if it failed. */
public record StoreOperationResult(String operation, boolean success, int items, Duration duration, String message) {

    public static StoreOperationResult ok(String operation, int items, long startNanos, String message) {
        return new StoreOperationResult(operation, true, items, since(startNanos), message);
    }

    public static StoreOperationResult failed(String operation, long startNanos, String message) {
        return new StoreOperationResult(operation, false, 0, since(startNanos), message);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public String toString() {
        return operation + (success ? ": " : " failed: ") + message + " (" + duration.toMillis() + " ms)";
    }
}
