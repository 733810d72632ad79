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
     * Applies {@code patch} and moves the cursor to its version, unless the stored cursor is not the patch's
     * {@code previousVersion}: then nothing is written and the answer is false (out of order).
     */
    boolean apply(BigSegmentPatch patch);

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
