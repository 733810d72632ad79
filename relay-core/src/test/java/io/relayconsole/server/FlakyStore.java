package io.relayconsole.server;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.InMemoryDataStore;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreException;
import java.util.Map;

/** An in-memory store that can be switched to fail every call, as an unreachable database would. */
final class FlakyStore implements DataStore {
    private final InMemoryDataStore delegate = new InMemoryDataStore();
    private volatile boolean failing;

    void setFailing(boolean failing) {
        this.failing = failing;
    }

    private void check() {
        if (failing) {
            throw new StoreException("connection refused");
        }
    }

    @Override
    public void init(FullDataSet data) {
        check();
        delegate.init(data);
    }

    @Override
    public Item get(DataKind kind, String key) {
        check();
        return delegate.get(kind, key);
    }

    @Override
    public Map<String, Item> getAll(DataKind kind) {
        check();
        return delegate.getAll(kind);
    }

    @Override
    public FullDataSet getAllData() {
        check();
        return delegate.getAllData();
    }

    @Override
    public boolean upsert(DataKind kind, Item item) {
        check();
        return delegate.upsert(kind, item);
    }

    @Override
    public boolean isInitialized() {
        check();
        return delegate.isInitialized();
    }

    @Override
    public boolean isAvailable() {
        return !failing;
    }

    @Override
    public StoreDescription description() {
        return new StoreDescription("redis", "redis://127.0.0.1:6379", "launchdarkly", null);
    }

    @Override
    public void close() {
    }
}
