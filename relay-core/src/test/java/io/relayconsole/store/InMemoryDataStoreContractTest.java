package io.relayconsole.store;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import java.util.HashMap;
import java.util.Map;

/** The in-memory store against the contract; "the database" is a map of stores by prefix. */
class InMemoryDataStoreContractTest extends DataStoreContractTest {
    private final Map<String, InMemoryDataStore> database = new HashMap<>();

    @Override
    protected DataStore createStore(String prefix) {
        InMemoryDataStore shared = database.computeIfAbsent(prefix, p -> new InMemoryDataStore());
        return new DataStore() {
            // Delegates so that two "connections" with one prefix share data, as they would in a database.
            @Override
            public void init(FullDataSet data) {
                shared.init(data);
            }

            @Override
            public Item get(DataKind kind, String key) {
                return shared.get(kind, key);
            }

            @Override
            public Map<String, Item> getAll(DataKind kind) {
                return shared.getAll(kind);
            }

            @Override
            public boolean upsert(DataKind kind, Item item) {
                return shared.upsert(kind, item);
            }

            @Override
            public boolean isInitialized() {
                return shared.isInitialized();
            }

            @Override
            public boolean isAvailable() {
                return true;
            }

            @Override
            public StoreDescription description() {
                return shared.description();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    protected void clearDatabase() {
        database.clear();
    }
}
