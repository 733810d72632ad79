package io.relayconsole.store;

import java.time.Duration;

/**
 * How fresh the cached data of a kind or item is: its age against the TTL, in the words the console shows
 * ("fresh 12 s / 30 s", "expired", "cached forever", "no cache"). {@code age} is null when nothing is cached.
 */
public record CacheFreshness(Duration ttl, Duration age) {

    public boolean cachingDisabled() {
        return ttl.isZero();
    }

    public boolean forever() {
        return ttl.isNegative();
    }

    public boolean fresh() {
        return age != null && (forever() || (!cachingDisabled() && age.compareTo(ttl) < 0));
    }

    public String describe() {
        if (cachingDisabled()) {
            return "no cache";
        }
        if (age == null) {
            return "not cached";
        }
        if (forever()) {
            return "cached forever";
        }
        return fresh() ? "fresh " + age.toSeconds() + " s / " + ttl.toSeconds() + " s" : "expired";
    }
}
