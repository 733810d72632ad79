package io.relayconsole.bigsegments;

import io.relayconsole.store.StoreException;
import java.time.Instant;
import java.util.Map;

/**
 * Big-segment membership in a database, in the layout the SDKs read (Redis or DynamoDB). Implementations are
 * thread-safe; every method may throw {@link StoreException} when the database cannot be reached.
 */
public interface BigSegmentStore extends AutoCloseable {

    /** The version of the last patch applied, or null when none has been. */
    String cursor();

    /**
     * Applies a patch whose changes arrive in {@code parts} while it is written, and moves the cursor to its version
     * last, once every change is written. When the stored cursor is not the patch's {@code previousVersion} nothing
     * is written and the answer is false (out of order): the cursor is checked before the first part is read. If
     * reading a part fails, its exception propagates (possibly wrapped) and the cursor stays where it was; the changes
     * are idempotent, so the patch is simply applied again from there.
     */
    boolean apply(BigSegmentPatch header, PatchParts parts);

    /** {@link #apply(BigSegmentPatch, PatchParts)} of a patch that is already whole. */
    default boolean apply(BigSegmentPatch patch) {
        return apply(patch.header(), PatchParts.of(patch));
    }

    /** Records that the store is up to date with upstream as of {@code time} (what SDKs call "last up to date"). */
    void setSynchronizedOn(Instant time);

    /** When the store was last known up to date, or null if never. */
    Instant synchronizedOn();

    /** Segment reference to included (true) or excluded (false) for one context hash; an include wins. */
    Map<String, Boolean> membership(String contextHash);

    /** The database in words, for logs and the console (passwords masked). */
    String label();

    @Override
    void close();
}
