package io.relayconsole.app.flags;

import io.relayconsole.store.CacheFreshness;

/**
 * Cache freshness as the console draws it: the words ("fresh 12 s / 30 s", "expired", "cached forever",
 * "no cache"), how full the bar is (the share of the TTL still left), and a level that picks icon and colour.
 */
public record Freshness(String text, double remaining, Level level) {

    public enum Level { FRESH, EXPIRED, FOREVER, NO_CACHE, IN_MEMORY }

    /** {@code freshness} is null for the in-memory store, which has no cache in front of it. */
    public static Freshness of(CacheFreshness freshness) {
        if (freshness == null) {
            return new Freshness("in memory", 1, Level.IN_MEMORY);
        }
        if (freshness.cachingDisabled()) {
            return new Freshness("no cache", 0, Level.NO_CACHE);
        }
        if (freshness.forever() && freshness.age() != null) {
            return new Freshness("cached forever", 1, Level.FOREVER);
        }
        if (!freshness.fresh()) {
            return new Freshness(freshness.age() == null ? "not cached" : "expired", 0, Level.EXPIRED);
        }
        double ttlMillis = freshness.ttl().toMillis();
        double left = 1 - freshness.age().toMillis() / ttlMillis;
        return new Freshness(freshness.describe(), Math.max(0, Math.min(1, left)), Level.FRESH);
    }
}
