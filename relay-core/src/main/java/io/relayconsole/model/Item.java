package io.relayconsole.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One flag or segment: its original JSON bytes, kept as received so fields the relay does not know pass
 * through untouched, plus the three properties the relay itself needs.
 *
 * <p>The byte array is shared, never copied: callers must not modify what {@link #json()} returns.
 */
public final class Item {
    private final String key;
    private final long version;
    private final boolean deleted;
    private final byte[] json;

    private Item(String key, long version, boolean deleted, byte[] json) {
        this.key = Objects.requireNonNull(key, "key");
        this.version = version;
        this.deleted = deleted;
        this.json = Objects.requireNonNull(json, "json");
    }

    /** An item whose properties were already read from {@code json} (see {@link ItemParser}). */
    public static Item of(String key, long version, boolean deleted, byte[] json) {
        return new Item(key, version, deleted, json);
    }

    /**
     * A deletion marker. Written in the full form (key, version, deleted) that the Go, Java, Node and PHP
     * SDKs all read from a store.
     */
    public static Item tombstone(String key, long version) {
        String body = "{\"key\":" + Json.quote(key) + ",\"version\":" + version + ",\"deleted\":true}";
        return new Item(key, version, true, body.getBytes(StandardCharsets.UTF_8));
    }

    public String key() {
        return key;
    }

    public long version() {
        return version;
    }

    public boolean deleted() {
        return deleted;
    }

    /** The item's JSON; shared, do not modify. */
    public byte[] json() {
        return json;
    }

    public String jsonString() {
        return new String(json, StandardCharsets.UTF_8);
    }

    /** The version rule of every LaunchDarkly store: an update applies only if strictly newer. */
    public boolean isNewerThan(Item other) {
        return other == null || version > other.version;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Item other)) {
            return false;
        }
        return version == other.version && deleted == other.deleted && key.equals(other.key)
                && java.util.Arrays.equals(json, other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, version, deleted);
    }

    @Override
    public String toString() {
        return "Item{" + key + " v" + version + (deleted ? " deleted" : "") + "}";
    }
}
