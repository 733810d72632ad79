package io.relayconsole.store;

/**
 * The {@link StoreObserver} a {@link ManagedStore} hands to each cache and tracker it builds: it forwards to the
 * observer set last, so counting carries on across store switches and TTL changes, and can be attached after the
 * store exists (the relay's meters are made after its environments).
 */
final class ObserverSlot implements StoreObserver {
    private volatile StoreObserver target = StoreObserver.NONE;

    void set(StoreObserver observer) {
        target = observer;
    }

    @Override
    public void operation(long nanos, boolean failed) {
        target.operation(nanos, failed);
    }

    @Override
    public void cacheHit() {
        target.cacheHit();
    }

    @Override
    public void cacheMiss() {
        target.cacheMiss();
    }

    @Override
    public void cacheExpired() {
        target.cacheExpired();
    }
}
