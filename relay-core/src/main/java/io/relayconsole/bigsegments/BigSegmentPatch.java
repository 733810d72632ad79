package io.relayconsole.bigsegments;

import java.util.List;

/**
 * One membership change of one big segment, as upstream's {@code /sdk/big-segments/revisions} and
 * {@code /big-segments} stream send it. {@code segmentId} is the reference SDKs look up ({@code <key>.g<generation>});
 * the four lists hold context hashes (see {@link ContextHash}). Versions are opaque strings, compared for equality
 * only; {@code previousVersion} is empty for the first patch.
 */
public record BigSegmentPatch(String environmentId, String segmentId, String version, String previousVersion,
                              List<String> includedAdd, List<String> includedRemove,
                              List<String> excludedAdd, List<String> excludedRemove) {

    public BigSegmentPatch {
        previousVersion = previousVersion == null ? "" : previousVersion;
        includedAdd = List.copyOf(includedAdd);
        includedRemove = List.copyOf(includedRemove);
        excludedAdd = List.copyOf(excludedAdd);
        excludedRemove = List.copyOf(excludedRemove);
    }

    /** How many set additions and removals it makes. */
    public int changeCount() {
        return includedAdd.size() + includedRemove.size() + excludedAdd.size() + excludedRemove.size();
    }

    /**
     * Whether it may be applied on top of a store whose cursor is {@code cursor} (null: nothing applied yet, so any
     * patch may start the chain, as in ld-relay).
     */
    public boolean followsCursor(String cursor) {
        return cursor == null || cursor.equals(previousVersion);
    }
}
