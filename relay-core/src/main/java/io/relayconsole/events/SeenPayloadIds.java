package io.relayconsole.events;

import java.util.LinkedHashSet;

/**
 * The latest payload IDs seen, so an SDK retrying a payload already taken is not counted twice. Bounded: the
 * oldest ID is forgotten first. Not thread-safe; callers hold their own lock.
 */
final class SeenPayloadIds {
    private static final int SIZE = 1000;

    private final LinkedHashSet<String> ids = new LinkedHashSet<>();

    /** True the first time {@code id} is seen; always true for a payload without an ID. */
    boolean firstTime(String id) {
        if (id == null) {
            return true;
        }
        if (!ids.add(id)) {
            return false;
        }
        if (ids.size() > SIZE) {
            ids.remove(ids.iterator().next());
        }
        return true;
    }
}
