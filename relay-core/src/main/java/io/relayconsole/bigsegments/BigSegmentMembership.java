package io.relayconsole.bigsegments;

import java.util.Map;

/**
 * What an evaluator needs of the big segments (an SDK {@code BigSegmentStore} adapter calls this): membership of one
 * context key and the store's health. Reads the database; callers off I/O threads only.
 */
public interface BigSegmentMembership {

    /** Segment reference to included (true) or excluded (false) for {@code contextKey}; empty when unknown. */
    default Map<String, Boolean> membershipOf(String contextKey) {
        return membershipOfHash(ContextHash.of(contextKey));
    }

    /** The same by the context key's hash, as LaunchDarkly's SDKs ask their big-segment stores. */
    Map<String, Boolean> membershipOfHash(String contextHash);

    /** Whether the store answers and how fresh it is. */
    BigSegmentStatus status();
}
