package io.relayconsole.app.flags;

import io.relayconsole.model.DataKind;
import io.relayconsole.relay.RelayEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers when each item last changed, from the relay's events: a patch names its key; a full data set does
 * not, so the keys whose version moved since the previous look are dated by it. Thread-safe: events arrive on
 * the FX thread, rows are built on a background thread.
 */
public final class LastChangeTracker {
    private record Seen(long version, Instant changedAt) {
    }

    private final Map<String, Instant> patchedAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> fullDataAt = new ConcurrentHashMap<>();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    public void onEvents(List<RelayEvent> events) {
        for (RelayEvent event : events) {
            if (event instanceof RelayEvent.ItemReceived item) {
                patchedAt.put(id(item.environment(), item.kind(), item.key()), item.time());
            } else if (event instanceof RelayEvent.FullDataReceived full) {
                fullDataAt.put(full.environment(), full.time());
            }
        }
    }

    /** When the item last changed as far as the console knows, or null. */
    public Instant lastChange(String environment, DataKind kind, String key, long version) {
        String id = id(environment, kind, key);
        Seen before = seen.get(id);
        if (before != null && before.version() == version) {
            return before.changedAt();
        }
        Instant patched = patchedAt.get(id);
        Instant full = fullDataAt.get(environment);
        Instant changedAt = patched != null && (full == null || patched.isAfter(full)) ? patched : full;
        seen.put(id, new Seen(version, changedAt));
        return changedAt;
    }

    private static String id(String environment, DataKind kind, String key) {
        return environment + '\u0000' + kind.namespace() + '\u0000' + key;
    }
}
