package io.relayconsole.events;

import java.time.Instant;

/**
 * Hears how each post to the flag service ended, so the relay can show deliveries and failures as they happen
 * (the Timeline's LaunchDarkly lane) without this package knowing who listens. Called on the forwarder's own
 * thread after the post (and its one retry), never under the forwarder's lock; it must not block.
 */
public interface DeliveryListener {
    /** Listens to nothing. */
    DeliveryListener NONE = new DeliveryListener() {
        @Override
        public void delivered(EventKind kind, int events, Instant time) {
        }

        @Override
        public void failed(EventKind kind, int events, String error, Instant time) {
        }
    };

    /** The flag service accepted a payload of {@code events} events. */
    void delivered(EventKind kind, int events, Instant time);

    /** A payload of {@code events} events was lost: the post failed after the retry; {@code error} says why. */
    void failed(EventKind kind, int events, String error, Instant time);

    /**
     * The queue filled up (events queued and in flight reached the capacity) and events began to be dropped: once
     * per filling, until a post ends and makes room. Called on the accepting thread, outside the lock.
     */
    default void queueFull(int capacity, Instant time) {
    }
}
