package io.relayconsole.store;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import java.util.List;
import java.util.Map;

/**
 * Where an environment's flags and segments live: in memory, or in Redis, DynamoDB or Consul (each behind a
 * caching wrapper). Every operation may throw {@link StoreException} when the backend cannot be reached;
 * implementations must be thread-safe.
 */
public interface DataStore extends AutoCloseable {

    /** Replaces everything with {@code data} and marks the store initialized ({@code $inited}). */
    void init(FullDataSet data);

    /** The item, a tombstone if deleted, or null if the store has never seen the key. */
    Item get(DataKind kind, String key);

    /** Every item of a kind, tombstones included. The returned map is unmodifiable. */
    Map<String, Item> getAll(DataKind kind);

    /**
     * Stores {@code item} if it is strictly newer than what the store holds (tombstones follow the same rule).
     *
     * @return true if it was written, false if the store already had that version or a newer one
     */
    boolean upsert(DataKind kind, Item item);

    /** Whether a complete data set was ever written ({@code $inited} marker present). */
    boolean isInitialized();

    /** The availability probe: a cheap round trip that succeeds only if the backend answers. */
    boolean isAvailable();

    /** What the store is, for {@code /status} and the console; secrets masked. */
    StoreDescription description();

    /**
     * Whether reads are answered right now from memory, with no I/O at all, so a request may be answered on
     * a network thread. A guess that may turn false a moment later (a TTL expiring) is harmless: the read
     * then does its I/O, only on the wrong thread once.
     */
    default boolean answersFromMemory() {
        return false;
    }

    /** Both kinds at once. Stores that hold an immutable snapshot return the same instance until a change. */
    default FullDataSet getAllData() {
        return FullDataSet.ofFrozen(getAll(DataKind.FEATURES), getAll(DataKind.SEGMENTS));
    }

    /**
     * Items the backend could not hold and skipped (DynamoDB's 400 KB item limit), oldest first: daemon-mode SDKs
     * cannot see them. Empty for backends without such a limit.
     */
    default List<DroppedItem> droppedItems() {
        return List.of();
    }

    @Override
    void close();
}
