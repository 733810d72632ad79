package io.relayconsole.demo;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.InMemoryDataStore;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process stand-in for a database server, for showing outages anywhere: its data outlives the relays
 * connected to it (within this process), and it can be taken down and brought up. Each
 * {@link #connect(String) connection} is a persistent {@link DataStore} ({@code database} = {@code demo}) over
 * one key prefix; while the database is down every operation fails with a {@link StoreException}, as a
 * network store's would. Thread-safe.
 */
public final class DemoDatabase {
    public static final String DATABASE = "demo";
    public static final String SERVER = "in-process";

    private final Map<String, InMemoryDataStore> tables = new ConcurrentHashMap<>();
    private volatile boolean up = true;

    /** A store over {@code prefix}'s data; closing it leaves the data in the database. */
    public DataStore connect(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("a demo database connection needs a prefix");
        }
        return new Connection(prefix);
    }

    /** Every operation of every connection fails until {@link #bringUp()}; the data is kept. */
    public void takeDown() {
        up = false;
    }

    public void bringUp() {
        up = true;
    }

    public boolean isUp() {
        return up;
    }

    /** Forgets every prefix's data, as a database restarted without persistence would. */
    public void wipe() {
        tables.clear();
    }

    private final class Connection implements DataStore {
        private final String prefix;
        private final StoreDescription description;

        Connection(String prefix) {
            this.prefix = prefix;
            this.description = new StoreDescription(DATABASE, SERVER, prefix, null);
        }

        private InMemoryDataStore table() {
            if (!up) {
                throw new StoreException("demo database is down");
            }
            return tables.computeIfAbsent(prefix, p -> new InMemoryDataStore());
        }

        @Override
        public void init(FullDataSet data) {
            table().init(data);
        }

        @Override
        public Item get(DataKind kind, String key) {
            return table().get(kind, key);
        }

        @Override
        public Map<String, Item> getAll(DataKind kind) {
            return table().getAll(kind);
        }

        @Override
        public FullDataSet getAllData() {
            return table().getAllData();
        }

        @Override
        public boolean upsert(DataKind kind, Item item) {
            return table().upsert(kind, item);
        }

        @Override
        public boolean isInitialized() {
            return table().isInitialized();
        }

        @Override
        public boolean isAvailable() {
            return up;
        }

        @Override
        public StoreDescription description() {
            return description;
        }

        @Override
        public void close() {
            // A client disconnecting: the database keeps its data.
        }
    }
}
