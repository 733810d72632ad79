package io.relayconsole.testing;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.InMemoryDataStore;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for a database the test can take down, wipe, or write to "as another relay". It reports itself as
 * persistent so the relay puts its cache and supervisor in front of it, as it does for Redis. The backends
 * themselves are tested against real servers; this exercises the rules above them.
 */
public final class SwitchableStore implements DataStore {
    private volatile InMemoryDataStore data = new InMemoryDataStore();
    private volatile boolean down;
    private final AtomicInteger reads = new AtomicInteger();

    public void setDown(boolean down) {
        this.down = down;
    }

    /** Loses everything, as a Redis restart without persistence does. */
    public void wipe() {
        data = new InMemoryDataStore();
    }

    /** Direct access to the stored data, bypassing outages: what another relay or a daemon-mode SDK sees. */
    public InMemoryDataStore database() {
        return data;
    }

    public int reads() {
        return reads.get();
    }

    private void check() {
        if (down) {
            throw new StoreException("connection refused (test outage)");
        }
    }

    @Override
    public void init(FullDataSet d) {
        check();
        data.init(d);
    }

    @Override
    public Item get(DataKind kind, String key) {
        check();
        reads.incrementAndGet();
        return data.get(kind, key);
    }

    @Override
    public Map<String, Item> getAll(DataKind kind) {
        check();
        reads.incrementAndGet();
        return data.getAll(kind);
    }

    @Override
    public FullDataSet getAllData() {
        check();
        reads.incrementAndGet();
        return data.getAllData();
    }

    @Override
    public boolean upsert(DataKind kind, Item item) {
        check();
        return data.upsert(kind, item);
    }

    @Override
    public boolean isInitialized() {
        check();
        return data.isInitialized();
    }

    @Override
    public boolean isAvailable() {
        return !down;
    }

    @Override
    public StoreDescription description() {
        return new StoreDescription("redis", "redis://test", "launchdarkly", null);
    }

    @Override
    public void close() {
    }
}
