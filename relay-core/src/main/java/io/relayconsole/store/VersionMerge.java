package io.relayconsole.store;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import java.util.Map;

/**
 * The version-aware merges between what the relay knows and what a store holds, after an outage or data loss. Pure
 * operations on a backend and its cache: {@link ManagedStore} calls them holding its write lock.
 */
final class VersionMerge {
    /** What a re-read of the store found: items read, and how many were newer than the cache's. */
    record Adoption(int read, int adopted) {
    }

    private VersionMerge() {
    }

    /**
     * Writes what the relay knows into the store without overwriting newer items (another relay's), then serves exactly
     * what the store holds; returns the items written.
     */
    static int writeBack(DataStore backend, CachingDataStore cache) {
        FullDataSet known = cache.lastKnown();
        if (known == null) {
            return 0;
        }
        int written = 0;
        if (!backend.isInitialized()) {
            backend.init(known);
            written = size(known);
        } else {
            for (DataKind kind : DataKind.values()) {
                for (Map.Entry<String, Item> e : known.get(kind).entrySet()) {
                    if (backend.upsert(kind, e.getValue())) {
                        written++;
                    }
                }
            }
        }
        cache.primeCache(backend.getAllData());
        return written;
    }

    /** Serves the store's items that are newer than the cache's (another relay's); never writes. */
    static Adoption adoptNewer(DataStore backend, CachingDataStore cache) {
        FullDataSet stored = backend.getAllData();
        FullDataSet newest = cache.lastKnown();
        int adopted = 0;
        for (DataKind kind : DataKind.values()) {
            for (Item item : stored.get(kind).values()) {
                if (newest == null || item.isNewerThan(newest.get(kind).get(item.key()))) {
                    newest = newest == null ? stored : newest.with(kind, item);
                    adopted++;
                }
            }
        }
        if (adopted > 0) {
            cache.primeCache(newest);
        }
        return new Adoption(size(stored), adopted);
    }

    static int size(FullDataSet data) {
        return data.flags().size() + data.segments().size();
    }
}
