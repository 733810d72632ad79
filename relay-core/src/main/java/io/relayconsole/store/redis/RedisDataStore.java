package io.relayconsole.store.redis;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.sync.RedisCommands;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.ItemParser;
import io.relayconsole.model.MalformedDataException;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis store, in the layout every LaunchDarkly SDK reads in daemon mode: hashes {@code {prefix}:features}
 * and {@code {prefix}:segments} (field = key, value = the item's JSON) and the string {@code {prefix}:$inited}.
 *
 * <p>Init replaces both hashes and sets {@code $inited} in one MULTI/EXEC. Upsert is optimistic: WATCH the hash,
 * read the stored version, write only if strictly newer, and retry if another writer changed the hash meanwhile.
 *
 * <p>Redis Cluster: the three keys usually hash to different slots, and MULTI/EXEC cannot span slots. Init then
 * runs one transaction per slot in order (segments, flags, then {@code $inited} last), so each hash is replaced
 * atomically and a reader that sees {@code $inited} sees complete data, but a reader may briefly see new segments
 * with old flags. A prefix with a hash tag, e.g. {@code {ld}}, puts all keys in one slot and makes init atomic again
 * (SDKs must then use the same prefix).
 */
public final class RedisDataStore implements DataStore {
    /** Field/value pairs per HSET: bounds the size of one command for large data sets. */
    static final int HSET_CHUNK_SIZE = 500;
    /** A WATCH conflict means another writer got in first; this many in a row means something is wrong. */
    static final int MAX_UPSERT_ATTEMPTS = 50;

    private static final Logger log = LoggerFactory.getLogger(RedisDataStore.class);
    private static final byte[] EMPTY = new byte[0];

    private final RedisStoreOptions options;
    private final RedisConnector connector;
    private final String initedKey;
    private final StoreDescription description;

    public RedisDataStore(RedisStoreOptions options) {
        this.options = options;
        this.initedKey = options.prefix() + ":$inited";
        this.description = new StoreDescription("redis", options.serverLabel(), options.prefix(), null);
        this.connector = RedisConnector.create(options);
    }

    /** The settings it connects with (the console puts a fault proxy in front of the same server). */
    public RedisStoreOptions options() {
        return options;
    }

    /** The hash that holds one kind, e.g. {@code launchdarkly:features}. */
    String hashKey(DataKind kind) {
        return options.prefix() + ":" + kind.namespace();
    }

    @Override
    public void init(FullDataSet data) {
        List<KeyWrite> writes = new ArrayList<>();
        for (DataKind kind : DataKind.values()) { // segments before flags
            writes.add(new ReplaceHash(hashKey(kind), data.get(kind)));
        }
        writes.add(new SetMarker(initedKey));
        run("init", () -> {
            for (List<KeyWrite> group : groupConsecutiveBySlot(writes)) {
                connector.inTransaction(group.get(0).key(), redis -> {
                    redis.multi();
                    group.forEach(write -> write.queue(redis));
                    requireCommitted(redis.exec(), "init");
                    return null;
                });
            }
            return null;
        });
    }

    /** Outside a Cluster this is one group; in a Cluster, one group per run of keys sharing a slot, order kept. */
    private List<List<KeyWrite>> groupConsecutiveBySlot(List<KeyWrite> writes) {
        List<List<KeyWrite>> groups = new ArrayList<>();
        for (KeyWrite write : writes) {
            List<KeyWrite> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && connector.sameSlot(last.get(0).key(), write.key())) {
                last.add(write);
            } else {
                groups.add(new ArrayList<>(List.of(write)));
            }
        }
        return groups;
    }

    @Override
    public Item get(DataKind kind, String key) {
        String hash = hashKey(kind);
        byte[] json = run("read of " + kind.namespace() + " \"" + key + "\"", () -> connector.reads().hget(hash, key));
        return json == null ? null : parseOrNull(json, hash, key);
    }

    @Override
    public Map<String, Item> getAll(DataKind kind) {
        String hash = hashKey(kind);
        Map<String, byte[]> stored = run("read of all " + kind.namespace(), () -> connector.reads().hgetall(hash));
        Map<String, Item> items = new LinkedHashMap<>();
        stored.forEach((key, json) -> {
            Item item = parseOrNull(json, hash, key);
            if (item != null) {
                items.put(key, item);
            }
        });
        return Collections.unmodifiableMap(items);
    }

    @Override
    public boolean upsert(DataKind kind, Item item) {
        String hash = hashKey(kind);
        return run("update of " + kind.namespace() + " \"" + item.key() + "\"",
                () -> connector.inTransaction(hash, redis -> upsertWithRetries(redis, hash, item)));
    }

    private boolean upsertWithRetries(RedisCommands<String, byte[]> redis, String hash, Item item) {
        for (int attempt = 1; attempt <= MAX_UPSERT_ATTEMPTS; attempt++) {
            redis.watch(hash);
            byte[] storedJson = redis.hget(hash, item.key());
            Item stored = storedJson == null ? null : parseOrNull(storedJson, hash, item.key());
            if (!item.isNewerThan(stored)) {
                redis.unwatch();
                return false;
            }
            redis.multi();
            redis.hset(hash, item.key(), item.json());
            TransactionResult result = redis.exec();
            if (!result.wasDiscarded()) {
                requireCommitted(result, "update");
                return true;
            }
            log.debug("Redis hash {} changed while updating \"{}\" (attempt {}); retrying", hash, item.key(), attempt);
        }
        throw new StoreException("Redis update of \"" + item.key() + "\" in " + hash + " gave up after "
                + MAX_UPSERT_ATTEMPTS + " attempts: other writers kept changing the hash");
    }

    @Override
    public boolean isInitialized() {
        return run("check of " + initedKey, () -> connector.reads().exists(initedKey)) > 0;
    }

    @Override
    public boolean isAvailable() {
        try {
            connector.reads().exists(initedKey);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public StoreDescription description() {
        return description;
    }

    @Override
    public void close() {
        connector.close();
    }

    @Override
    public String toString() {
        return "RedisDataStore{" + description.label() + "}";
    }

    /**
     * A value that is not a valid item (written by hand or by a broken writer) is skipped with a warning rather
     * than failing every read of the kind; an upsert then treats the key as absent and repairs it.
     */
    private static Item parseOrNull(byte[] json, String hash, String key) {
        try {
            return ItemParser.parseItem(json, key);
        } catch (MalformedDataException e) {
            log.warn("Ignoring unreadable item \"{}\" in Redis hash {}: {}", key, hash, e.getMessage());
            return null;
        }
    }

    /** EXEC can succeed as a whole while single queued commands failed (e.g. WRONGTYPE): report those. */
    static void requireCommitted(TransactionResult result, String what) {
        if (result.wasDiscarded()) {
            throw new StoreException("Redis " + what + " transaction was discarded");
        }
        for (Object reply : result) {
            if (reply instanceof Throwable error) {
                throw new StoreException("Redis " + what + " transaction failed: " + error.getMessage(), error);
            }
        }
    }

    /** Every lettuce failure becomes a StoreException naming the operation and the server (password masked). */
    private <T> T run(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("Redis " + operation + " failed on " + options.serverLabel() + ": " + reason(e), e);
        }
    }

    private String reason(RuntimeException e) {
        if (e instanceof RedisCommandTimeoutException) {
            return "no reply within " + options.commandTimeout().toMillis() + " ms";
        }
        String message = e.getMessage();
        if (e instanceof RedisConnectionException && e.getCause() != null && e.getCause().getMessage() != null) {
            message = message + " (" + e.getCause().getMessage() + ")";
        }
        return message != null ? message : e.getClass().getSimpleName();
    }

    /** One key's share of a full init, queued inside MULTI. */
    private interface KeyWrite {
        String key();

        void queue(RedisCommands<String, byte[]> redis);
    }

    /** DEL the hash, then HSET its items in chunks. */
    private record ReplaceHash(String key, Map<String, Item> items) implements KeyWrite {
        @Override
        public void queue(RedisCommands<String, byte[]> redis) {
            redis.del(key);
            Map<String, byte[]> chunk = new LinkedHashMap<>();
            for (Map.Entry<String, Item> entry : items.entrySet()) {
                chunk.put(entry.getKey(), entry.getValue().json()); // the data set's key is the hash field
                if (chunk.size() == HSET_CHUNK_SIZE) {
                    redis.hset(key, chunk);
                    chunk = new LinkedHashMap<>();
                }
            }
            if (!chunk.isEmpty()) {
                redis.hset(key, chunk);
            }
        }
    }

    private record SetMarker(String key) implements KeyWrite {
        @Override
        public void queue(RedisCommands<String, byte[]> redis) {
            redis.set(key, EMPTY);
        }
    }
}
