package io.relayconsole.store;

/**
 * Counts what the store stack does, for the relay's meters: every round trip to the backend with its duration and
 * outcome, and every read the cache answered or could not. Called on the thread that did the work, often a request
 * thread, so implementations only add to counters. No key or item is passed, so nothing can be tagged per key.
 */
public interface StoreObserver {
    StoreObserver NONE = new StoreObserver() {
    };

    /** One backend operation took {@code nanos}; {@code failed} when it threw. */
    default void operation(long nanos, boolean failed) {
    }

    /** A read answered from a fresh cache, without a round trip. */
    default void cacheHit() {
    }

    /** A read that went to the backend: no cache, none loaded yet, or an expired one. */
    default void cacheMiss() {
    }

    /** A cached data set was found past its TTL (counted once per data set, not per read). */
    default void cacheExpired() {
    }
}
