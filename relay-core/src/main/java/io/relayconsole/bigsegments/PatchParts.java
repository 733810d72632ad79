package io.relayconsole.bigsegments;

import java.util.ArrayList;
import java.util.List;

/**
 * The changes of one patch in parts, read as they arrive from upstream, so a store can write the first members of a
 * big audience while the rest is still being fetched and parsed. Each part is a {@link BigSegmentPatch} with the
 * patch's header and some of its changes.
 */
@FunctionalInterface
public interface PatchParts {

    /**
     * The next part, or null when the patch has no more. Reading may fail midway (a malformed patch, a broken
     * connection): the exception goes through the store unchanged in meaning, and the store must not have moved the
     * cursor.
     */
    BigSegmentPatch next();

    /** A patch that is already whole, as one part. */
    static PatchParts of(BigSegmentPatch whole) {
        boolean[] given = {false};
        return () -> {
            if (given[0]) {
                return null;
            }
            given[0] = true;
            return whole;
        };
    }

    /** Reads every remaining part into one patch with {@code header}'s segment and versions. */
    default BigSegmentPatch collect(BigSegmentPatch header) {
        List<BigSegmentPatch> parts = new ArrayList<>();
        for (BigSegmentPatch part = next(); part != null; part = next()) {
            parts.add(part);
        }
        return BigSegmentPatch.joined(header, parts);
    }
}
