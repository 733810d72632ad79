package io.relayconsole.bigsegments;

import java.util.ArrayList;
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

    /** The same patch without its changes: what a store checks before the changes arrive (see {@link PatchParts}). */
    public BigSegmentPatch header() {
        return new BigSegmentPatch(environmentId, segmentId, version, previousVersion, List.of(), List.of(), List.of(),
                List.of());
    }

    /** {@code header} with the changes of all {@code parts}, in order. */
    public static BigSegmentPatch joined(BigSegmentPatch header, List<BigSegmentPatch> parts) {
        if (parts.size() == 1) {
            BigSegmentPatch only = parts.get(0);
            return new BigSegmentPatch(header.environmentId, header.segmentId, header.version, header.previousVersion,
                    only.includedAdd, only.includedRemove, only.excludedAdd, only.excludedRemove);
        }
        List<String> includedAdd = new ArrayList<>();
        List<String> includedRemove = new ArrayList<>();
        List<String> excludedAdd = new ArrayList<>();
        List<String> excludedRemove = new ArrayList<>();
        for (BigSegmentPatch part : parts) {
            includedAdd.addAll(part.includedAdd);
            includedRemove.addAll(part.includedRemove);
            excludedAdd.addAll(part.excludedAdd);
            excludedRemove.addAll(part.excludedRemove);
        }
        return new BigSegmentPatch(header.environmentId, header.segmentId, header.version, header.previousVersion,
                includedAdd, includedRemove, excludedAdd, excludedRemove);
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
