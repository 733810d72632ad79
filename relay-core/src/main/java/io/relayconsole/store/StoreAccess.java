package io.relayconsole.store;

/**
 * One access of the relay to its persistent store, as the timeline draws it: whether a read was answered from
 * the cache (no store round trip) or went to the store, and whether it worked.
 */
public record StoreAccess(Operation operation, boolean fromCache, boolean success, int items, String error) {

    public enum Operation {
        /** All flags and segments, for an SDK's put or poll. */
        READ_ALL,
        /** A full data set written (upstream put, resync, switch). */
        WRITE_ALL,
        /** One item written (upstream patch or delete). */
        WRITE_ITEM,
        /** The relay's data written back after the store recovered or lost its data. */
        WRITE_BACK
    }

    /** Receives accesses on the thread that made them; must not block. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = access -> { };

        void onAccess(StoreAccess access);
    }
}
