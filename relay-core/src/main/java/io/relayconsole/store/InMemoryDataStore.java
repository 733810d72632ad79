package io.relayconsole.store;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import java.util.Map;

/**
 * The default store. It holds one immutable {@link FullDataSet} and replaces it on every change, so readers
 * never lock and an unchanged data set is the same instance (which lets serialized payloads be shared).
 */
public final class InMemoryDataStore implements DataStore {
    private volatile FullDataSet data = FullDataSet.empty();
    private volatile boolean initialized;

    @Override
    public synchronized void init(FullDataSet newData) {
        data = newData;
        initialized = true;
    }

    @Override
    public Item get(DataKind kind, String key) {
        return data.get(kind).get(key);
    }

    @Override
    public Map<String, Item> getAll(DataKind kind) {
        return data.get(kind);
    }

    @Override
    public FullDataSet getAllData() {
        return data;
    }

    @Override
    public synchronized boolean upsert(DataKind kind, Item item) {
        Item existing = data.get(kind).get(item.key());
        if (!item.isNewerThan(existing)) {
            return false;
        }
        data = data.with(kind, item);
        return true;
    }

    @Override
    public boolean isInitialized() {
        return initialized;
    }

    @Override
    public boolean answersFromMemory() {
        return true;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public StoreDescription description() {
        return StoreDescription.IN_MEMORY;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
