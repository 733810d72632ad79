package io.relayconsole.demo.consul;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data behind {@link ConsulKvServer}, following Consul's state store (agent/consul/state/kvs.go and txn.go):
 * every write is one raft entry and takes the next raft index; a set that changes nothing keeps the old
 * ModifyIndex; a delete leaves a tombstone index so list indexes never go backwards; a transaction applies all
 * of its operations at one index or none of them. All methods are synchronized: one writer at a time, as raft.
 */
final class KvState {
    private final NavigableMap<String, KvEntry> entries = new TreeMap<>();
    /** Index at which each deleted key disappeared (Consul's "graveyard"). */
    private final NavigableMap<String, Long> graveyard = new TreeMap<>();
    private long raftIndex = 1;
    /** Last index that changed the kvs table (Consul's table index). */
    private long kvsIndex = 0;

    /** Result of a read: entries (possibly none) and the index Consul sends in {@code X-Consul-Index}. */
    record Read<T>(T value, long index) {
    }

    /** Outcome of a transaction: results if it committed, else the per-operation errors. */
    record TxnOutcome(List<KvEntry> results, List<TxnError> errors) {
        boolean committed() {
            return errors.isEmpty();
        }
    }

    record TxnError(int opIndex, String what) {
    }

    synchronized Read<KvEntry> get(String key) {
        KvEntry entry = entries.get(key);
        return new Read<>(entry, entry != null ? entry.modifyIndex() : tableIndex());
    }

    synchronized Read<List<KvEntry>> list(String prefix) {
        List<KvEntry> found = new ArrayList<>(under(entries, prefix).values());
        return new Read<>(found, listIndex(prefix, found));
    }

    /** Keys under {@code prefix}; with a separator, each key is cut after the first separator past the prefix. */
    synchronized Read<List<String>> keys(String prefix, String separator) {
        Set<String> keys = new LinkedHashSet<>();
        List<KvEntry> found = new ArrayList<>(under(entries, prefix).values());
        for (KvEntry entry : found) {
            String key = entry.key();
            if (separator != null && !separator.isEmpty()) {
                int at = key.indexOf(separator, prefix.length());
                if (at >= 0) {
                    key = key.substring(0, at + separator.length());
                }
            }
            keys.add(key);
        }
        return new Read<>(new ArrayList<>(keys), listIndex(prefix, found));
    }

    /** PUT /v1/kv: {@code cas} null for a plain set; 0 = only if absent; else only if ModifyIndex matches. */
    synchronized boolean put(String key, byte[] value, long flags, Long cas) {
        long index = ++raftIndex;
        if (cas != null && !casAllows(entries, key, cas)) {
            return false;
        }
        set(entries, key, value, flags, index);
        return true;
    }

    /** DELETE /v1/kv: {@code cas} null for a plain delete (always true); a CAS on an absent key succeeds. */
    synchronized boolean delete(String key, boolean recurse, Long cas) {
        long index = ++raftIndex;
        if (recurse) {
            for (String k : new ArrayList<>(under(entries, key).keySet())) {
                remove(entries, k, index);
            }
            return true;
        }
        KvEntry existing = entries.get(key);
        if (cas != null && existing != null && existing.modifyIndex() != cas) {
            return false;
        }
        remove(entries, key, index);
        return true;
    }

    /** POST/PUT /v1/txn: applies every operation at one index, or none if any fails. */
    synchronized TxnOutcome transaction(List<TxnOp> ops) {
        boolean writes = ops.stream().anyMatch(op -> TxnVerbs.isWrite(op.verb()));
        long index = writes ? raftIndex + 1 : raftIndex;
        NavigableMap<String, KvEntry> working = new TreeMap<>(entries);
        NavigableMap<String, Long> workingGraveyard = new TreeMap<>(graveyard);
        long savedKvsIndex = kvsIndex;
        List<KvEntry> results = new ArrayList<>();
        List<TxnError> errors = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            String error = apply(working, workingGraveyard, ops.get(i), index, results);
            if (error != null) {
                errors.add(new TxnError(i, error));
            }
        }
        if (!errors.isEmpty()) {
            kvsIndex = savedKvsIndex;
            return new TxnOutcome(List.of(), errors);
        }
        if (writes) {
            raftIndex = index;
            entries.clear();
            entries.putAll(working);
            graveyard.clear();
            graveyard.putAll(workingGraveyard);
        }
        return new TxnOutcome(results, List.of());
    }

    synchronized void clear() {
        entries.clear();
        graveyard.clear();
        kvsIndex = ++raftIndex;
    }

    synchronized Map<String, KvEntry> snapshot() {
        return Map.copyOf(entries);
    }

    synchronized long raftIndex() {
        return raftIndex;
    }

    /** One operation against the working copy; returns Consul's error text, or null on success. */
    private String apply(NavigableMap<String, KvEntry> data, NavigableMap<String, Long> stones, TxnOp op,
                         long index, List<KvEntry> results) {
        String key = op.key() == null ? "" : op.key();
        if (key.isEmpty() && !TxnVerbs.DELETE_TREE.equals(op.verb()) && !TxnVerbs.GET_TREE.equals(op.verb())) {
            return "Must provide key";
        }
        KvEntry existing = data.get(key);
        switch (op.verb()) {
            case TxnVerbs.SET -> results.add(withoutValue(setIn(data, stones, key, op, index)));
            case TxnVerbs.CAS -> {
                if (!casAllows(data, key, op.index())) {
                    return "failed to set key \"" + key + "\", index is stale";
                }
                results.add(withoutValue(setIn(data, stones, key, op, index)));
            }
            case TxnVerbs.GET -> {
                if (existing == null) {
                    return "key \"" + key + "\" doesn't exist";
                }
                results.add(existing);
            }
            case TxnVerbs.GET_TREE -> results.addAll(under(data, key).values());
            case TxnVerbs.CHECK_INDEX -> {
                if (existing == null) {
                    return "failed to check index, key \"" + key + "\" doesn't exist";
                }
                if (existing.modifyIndex() != op.index()) {
                    return "failed index check for key \"" + key + "\", current modify index "
                            + existing.modifyIndex() + " != " + op.index();
                }
                results.add(withoutValue(existing));
            }
            case TxnVerbs.CHECK_NOT_EXISTS -> {
                if (existing != null) {
                    return "key \"" + key + "\" exists";
                }
            }
            case TxnVerbs.DELETE -> removeIn(data, stones, key, index);
            case TxnVerbs.DELETE_CAS -> {
                if (existing != null && existing.modifyIndex() != op.index()) {
                    return "failed to delete key \"" + key + "\", index is stale";
                }
                removeIn(data, stones, key, index);
            }
            case TxnVerbs.DELETE_TREE -> {
                for (String k : new ArrayList<>(under(data, key).keySet())) {
                    removeIn(data, stones, k, index);
                }
            }
            default -> {
                return "unknown KV verb \"" + op.verb() + "\"";
            }
        }
        return null;
    }

    private KvEntry setIn(NavigableMap<String, KvEntry> data, NavigableMap<String, Long> stones, String key,
                          TxnOp op, long index) {
        KvEntry entry = set(data, key, op.value(), op.flags(), index);
        stones.remove(key);
        return entry;
    }

    private void removeIn(NavigableMap<String, KvEntry> data, NavigableMap<String, Long> stones, String key, long index) {
        if (data.remove(key) != null) {
            stones.put(key, index);
            kvsIndex = index;
        }
    }

    private KvEntry set(NavigableMap<String, KvEntry> data, String key, byte[] value, long flags, long index) {
        byte[] stored = value == null ? new byte[0] : value;
        KvEntry existing = data.get(key);
        if (existing != null && existing.sameContent(stored, flags)) {
            return existing;
        }
        KvEntry entry = new KvEntry(key, stored, flags, existing != null ? existing.createIndex() : index, index,
                existing != null ? existing.lockIndex() : 0);
        data.put(key, entry);
        if (data == entries) {
            graveyard.remove(key);
        }
        kvsIndex = index;
        return entry;
    }

    private void remove(NavigableMap<String, KvEntry> data, String key, long index) {
        if (data.remove(key) != null) {
            graveyard.put(key, index);
            kvsIndex = index;
        }
    }

    private static boolean casAllows(NavigableMap<String, KvEntry> data, String key, long cas) {
        KvEntry existing = data.get(key);
        return cas == 0 ? existing == null : existing != null && existing.modifyIndex() == cas;
    }

    private static KvEntry withoutValue(KvEntry entry) {
        return new KvEntry(entry.key(), null, entry.flags(), entry.createIndex(), entry.modifyIndex(), entry.lockIndex());
    }

    private static <V> NavigableMap<String, V> under(NavigableMap<String, V> map, String prefix) {
        return prefix.isEmpty() ? map : map.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    private long listIndex(String prefix, List<KvEntry> found) {
        long index = 0;
        for (KvEntry entry : found) {
            index = Math.max(index, entry.modifyIndex());
        }
        for (long deletedAt : under(graveyard, prefix).values()) {
            index = Math.max(index, deletedAt);
        }
        return index != 0 ? index : tableIndex();
    }

    /** Consul never answers index 0 (it would make a blocking query spin), so an empty store reports 1. */
    private long tableIndex() {
        return Math.max(1, kvsIndex);
    }
}
