package io.relayconsole.store;

/** A store backend failed (unreachable, timed out, refused); the caller treats the store as unavailable. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
