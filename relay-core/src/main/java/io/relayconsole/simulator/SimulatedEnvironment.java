package io.relayconsole.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import io.relayconsole.model.PayloadWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flags and segments of one simulated environment (one SDK key). Every change bumps the item's version
 * by one, is streamed at once to the connected clients as a {@code patch} or {@code delete}, and shows in the
 * polling document. Thread-safe; deleted items stay as tombstones so versions keep increasing.
 */
public final class SimulatedEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedEnvironment.class);

    private final String sdkKey;
    private final Map<DataKind, Map<String, Item>> items = new EnumMap<>(DataKind.class);
    private final List<StreamSink> streams = new ArrayList<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final SimulatedBigSegments bigSegments = new SimulatedBigSegments(this);

    SimulatedEnvironment(String sdkKey) {
        this.sdkKey = sdkKey;
        for (DataKind kind : DataKind.values()) {
            items.put(kind, new LinkedHashMap<>());
        }
    }

    public String sdkKey() {
        return sdkKey;
    }

    /** Its big segments: definitions and membership edits, served on the two big-segment endpoints. */
    public SimulatedBigSegments bigSegments() {
        return bigSegments;
    }

    /** Puts the sample flags and segments in (as new versions of any existing ones). */
    public void loadSampleData() {
        for (DataKind kind : DataKind.values()) {
            for (ObjectNode item : SampleFlags.items(kind)) {
                put(kind, item);
            }
        }
    }

    // ---- reading ----

    /** Everything, tombstones included. */
    public synchronized FullDataSet data() {
        return FullDataSet.of(items.get(DataKind.FEATURES), items.get(DataKind.SEGMENTS));
    }

    /** The live (not deleted) items of a kind, by key. */
    public synchronized List<Item> items(DataKind kind) {
        List<Item> live = new ArrayList<>();
        for (Item item : items.get(kind).values()) {
            if (!item.deleted()) {
                live.add(item);
            }
        }
        live.sort(Comparator.comparing(Item::key));
        return live;
    }

    public List<Item> flags() {
        return items(DataKind.FEATURES);
    }

    public List<Item> segments() {
        return items(DataKind.SEGMENTS);
    }

    /** A live item, or empty if absent or deleted. */
    public synchronized Optional<Item> item(DataKind kind, String key) {
        Item item = items.get(kind).get(key);
        return item == null || item.deleted() ? Optional.empty() : Optional.of(item);
    }

    public Optional<Item> flag(String key) {
        return item(DataKind.FEATURES, key);
    }

    public Optional<Item> segment(String key) {
        return item(DataKind.SEGMENTS, key);
    }

    /** Number of clients streaming this environment's data now. */
    public synchronized int streamCount() {
        return streams.size();
    }

    // ---- changing ----

    public Item putFlag(String json) {
        return put(DataKind.FEATURES, parseObject(json));
    }

    public Item putSegment(String json) {
        return put(DataKind.SEGMENTS, parseObject(json));
    }

    /**
     * Creates or replaces an item from its JSON (it must have a {@code key}). The version is the previous one
     * plus one (1 for a new key), whatever the JSON says; missing standard properties are filled in.
     */
    public Item put(DataKind kind, ObjectNode json) {
        JsonNode keyNode = json.get("key");
        if (keyNode == null || !keyNode.isTextual() || keyNode.asText().isEmpty()) {
            throw new IllegalArgumentException("a " + kindName(kind) + " needs a non-empty string \"key\"");
        }
        String key = keyNode.asText();
        ObjectNode copy = json.deepCopy();
        Item stored;
        synchronized (this) {
            Item previous = items.get(kind).get(key);
            long version = previous == null ? 1 : previous.version() + 1;
            copy.put("version", version);
            copy.put("deleted", false);
            ItemDefaults.complete(kind, copy);
            stored = Item.of(key, version, false, toBytes(copy));
            items.get(kind).put(key, stored);
            broadcast("patch", PayloadWriter.patchEvent(kind.pathPrefix() + key, stored));
        }
        LOG.debug("Simulator: {} \"{}\" is now version {}", kindName(kind), key, stored.version());
        fireChanged();
        return stored;
    }

    /**
     * Makes this environment hold exactly {@code wanted} (items by kind and key, e.g. a workspace file): items
     * whose content differs get a new version, items not wanted are deleted, identical ones are left alone, so
     * re-reading an unchanged file streams nothing. A wanted item without a salt keeps the current one.
     * Returns the number of items changed or deleted.
     */
    public int replaceAll(Map<DataKind, Map<String, ObjectNode>> wanted) {
        int changed = 0;
        for (DataKind kind : DataKind.values()) {
            Map<String, ObjectNode> items = wanted.getOrDefault(kind, Map.of());
            for (ObjectNode json : items.values()) {
                if (differs(kind, json)) {
                    put(kind, json);
                    changed++;
                }
            }
            for (Item live : items(kind)) {
                if (!items.containsKey(live.key()) && delete(kind, live.key())) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private boolean differs(DataKind kind, ObjectNode json) {
        Item previous = item(kind, json.path("key").asText()).orElse(null);
        if (previous == null) {
            return true;
        }
        ObjectNode current = parseObject(previous.jsonString());
        ObjectNode candidate = json.deepCopy();
        if (!candidate.hasNonNull("salt") && current.hasNonNull("salt")) {
            candidate.set("salt", current.get("salt"));
        }
        candidate.put("deleted", false);
        ItemDefaults.complete(kind, candidate);
        // Versions are ours to assign; compare everything else.
        candidate.remove("version");
        current.remove("version");
        return !candidate.equals(current);
    }

    public boolean deleteFlag(String key) {
        return delete(DataKind.FEATURES, key);
    }

    public boolean deleteSegment(String key) {
        return delete(DataKind.SEGMENTS, key);
    }

    /** Deletes a live item (leaving a tombstone one version newer); false if there was none. */
    public boolean delete(DataKind kind, String key) {
        synchronized (this) {
            Item previous = items.get(kind).get(key);
            if (previous == null || previous.deleted()) {
                return false;
            }
            long version = previous.version() + 1;
            items.get(kind).put(key, Item.tombstone(key, version));
            broadcast("delete", PayloadWriter.deleteEvent(kind.pathPrefix() + key, version));
        }
        fireChanged();
        return true;
    }

    /** Switches a flag on or off; returns the new version. */
    public Item toggle(String flagKey) {
        ObjectNode flag = editableFlag(flagKey);
        flag.put("on", !flag.path("on").asBoolean(false));
        return put(DataKind.FEATURES, flag);
    }

    public Item setOn(String flagKey, boolean on) {
        ObjectNode flag = editableFlag(flagKey);
        flag.put("on", on);
        return put(DataKind.FEATURES, flag);
    }

    /** Serves variation {@code index} to everyone no rule or target matches (replaces a fallthrough rollout). */
    public Item setFallthroughVariation(String flagKey, int index) {
        ObjectNode flag = editableFlag(flagKey);
        checkVariationIndex(flagKey, flag, index);
        flag.putObject("fallthrough").put("variation", index);
        return put(DataKind.FEATURES, flag);
    }

    /** Serves variation {@code index} while the flag is off. */
    public Item setOffVariation(String flagKey, int index) {
        ObjectNode flag = editableFlag(flagKey);
        checkVariationIndex(flagKey, flag, index);
        flag.put("offVariation", index);
        return put(DataKind.FEATURES, flag);
    }

    /** Called (on the changing thread, after the change) whenever any item changes. */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    public void removeChangeListener(Runnable listener) {
        changeListeners.remove(listener);
    }

    // ---- for the server ----

    /** Registers a stream and queues its initial {@code put} atomically, so no change slips in between. */
    synchronized void subscribe(StreamSink sink) {
        sink.send("put", PayloadWriter.putEvent(data()));
        streams.add(sink);
    }

    synchronized void unsubscribe(StreamSink sink) {
        streams.remove(sink);
    }

    /** Ends every live stream, the big-segment ones too (each under its own lock); clients reconnect. */
    void disconnectStreams() {
        disconnectDataStreams();
        bigSegments.disconnectStreams();
    }

    private synchronized void disconnectDataStreams() {
        for (StreamSink sink : new ArrayList<>(streams)) {
            sink.close();
        }
    }

    /** Sends an event as given, unchecked, to every live stream (to test how clients handle bad data). */
    synchronized void sendRaw(String event, byte[] data) {
        broadcast(event, data);
    }

    private void broadcast(String event, byte[] data) {
        for (StreamSink sink : streams) {
            sink.send(event, data);
        }
    }

    private void fireChanged() {
        for (Runnable listener : changeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("Simulator change listener failed", e);
            }
        }
    }

    private ObjectNode editableFlag(String flagKey) {
        Item flag = flag(flagKey).orElseThrow(() -> new IllegalArgumentException("no flag \"" + flagKey + "\""));
        return parseObject(flag.jsonString());
    }

    private static void checkVariationIndex(String flagKey, ObjectNode flag, int index) {
        JsonNode variations = flag.path("variations");
        int count = variations instanceof ArrayNode array ? array.size() : 0;
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("flag \"" + flagKey + "\" has no variation " + index
                    + " (it has " + count + ")");
        }
    }

    static ObjectNode parseObject(String json) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return object;
    }

    private static byte[] toBytes(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an item", e);
        }
    }

    private static String kindName(DataKind kind) {
        return kind == DataKind.FEATURES ? "flag" : "segment";
    }
}
