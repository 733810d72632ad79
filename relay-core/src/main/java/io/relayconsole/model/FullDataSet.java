package io.relayconsole.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pcollections.OrderedPMap;

/**
 * A complete, immutable data set: every flag and segment by key, tombstones included. Maps keep insertion
 * order, so a data set built from a payload is written back in the same order.
 */
public final class FullDataSet {
    private static final FullDataSet EMPTY = new FullDataSet(Map.of(), Map.of());

    private final Map<String, Item> flags;
    private final Map<String, Item> segments;

    private FullDataSet(Map<String, Item> flags, Map<String, Item> segments) {
        this.flags = flags;
        this.segments = segments;
    }

    public static FullDataSet empty() {
        return EMPTY;
    }

    /** Wraps the given maps; they are copied, so later changes to them are not seen. */
    public static FullDataSet of(Map<String, Item> flags, Map<String, Item> segments) {
        return new FullDataSet(freeze(flags), freeze(segments));
    }

    public static FullDataSet of(Map<DataKind, Map<String, Item>> byKind) {
        return of(byKind.getOrDefault(DataKind.FEATURES, Map.of()), byKind.getOrDefault(DataKind.SEGMENTS, Map.of()));
    }

    /** Wraps maps that the caller guarantees are already unmodifiable and never changed again. */
    public static FullDataSet ofFrozen(Map<String, Item> flags, Map<String, Item> segments) {
        return new FullDataSet(flags, segments);
    }

    private static Map<String, Item> freeze(Map<String, Item> items) {
        return items.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    public Map<String, Item> get(DataKind kind) {
        return kind == DataKind.FEATURES ? flags : segments;
    }

    public Map<String, Item> flags() {
        return flags;
    }

    public Map<String, Item> segments() {
        return segments;
    }

    public Map<DataKind, Map<String, Item>> byKind() {
        Map<DataKind, Map<String, Item>> map = new EnumMap<>(DataKind.class);
        map.put(DataKind.SEGMENTS, segments);
        map.put(DataKind.FEATURES, flags);
        return map;
    }

    /**
     * A copy with one item put in place (no version check: callers apply the version rule). The maps are persistent:
     * the copy shares all but O(log n) of its structure with this one, so a patch never copies every flag (the
     * first patch after a full data set converts that kind's map once). A replaced item keeps its position.
     */
    public FullDataSet with(DataKind kind, Item item) {
        Map<String, Item> current = get(kind);
        OrderedPMap<String, Item> persistent = current instanceof OrderedPMap<String, Item> p ? p
                : OrderedPMap.from(current);
        Map<String, Item> updated = persistent.plus(item.key(), item);
        return kind == DataKind.FEATURES ? new FullDataSet(updated, segments) : new FullDataSet(flags, updated);
    }

    /** Number of live (not deleted) items of a kind. */
    public int liveCount(DataKind kind) {
        int n = 0;
        for (Item item : get(kind).values()) {
            if (!item.deleted()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "FullDataSet{" + flags.size() + " flags, " + segments.size() + " segments}";
    }
}
