package io.relayconsole.bigsegments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every big-segment store must do with a patch read in parts, whatever its backend: write the parts while the
 * patch is still arriving (never gathered whole past what the backend writes atomically), keep each member wherever
 * its include or exclude sits, move the cursor last and only on top of its previous version, and leave the cursor
 * unmoved when reading breaks midway so the patch is applied again. Each backend's test subclasses this against a
 * real server.
 */
public abstract class BigSegmentStoreContractTest {
    protected static final String REF = "audience.g1";

    protected BigSegmentStore store;

    /** A store over an empty test database. */
    protected abstract BigSegmentStore createStore();

    /** How many changes the store gathers and writes in one atomic step before it starts streaming parts. */
    protected abstract int changesWrittenAtomically();

    /** Hashes per part in these tests: enough to cross the backend's own batch boundaries. */
    protected abstract int partSize();

    @BeforeEach
    void openStore() {
        store = createStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aFirstPatchReadInPartsIsWrittenWhileItArrivesAndAnInterruptedOneIsAppliedAgain() {
        assertInterruptedThenAppliedAgain("1", "", null);
    }

    @Test
    void aLaterPatchReadInPartsIsWrittenWhileItArrivesAndAnInterruptedOneIsAppliedAgainFromTheCursor() {
        assertThat(store.apply(patch("1", "", hashes("a-", 0, 3), List.of()))).isTrue();
        assertInterruptedThenAppliedAgain("2", "1", "1");
    }

    private void assertInterruptedThenAppliedAgain(String version, String previous, String cursorBefore) {
        int partSize = partSize();
        int parts = changesWrittenAtomically() / partSize + 4;
        List<String> firstPart = hashes("p-", 0, partSize);
        AtomicInteger read = new AtomicInteger();
        List<Map<String, Boolean>> seenMidway = new ArrayList<>();
        PatchParts brokenMidway = () -> {
            int i = read.getAndIncrement();
            if (i == parts - 1) {
                // By now the first parts are stored (the store does not wait for the whole patch) ...
                await().atMost(Duration.ofSeconds(10)).until(() -> !store.membership(firstPart.get(0)).isEmpty());
                seenMidway.add(store.membership(firstPart.get(0)));
                throw new UncheckedIOException(new IOException("upstream closed the connection"));
            }
            return patch(version, previous, hashes("p-", i * partSize, (i + 1) * partSize), List.of());
        };
        assertThatThrownBy(() -> store.apply(patch(version, previous, List.of(), List.of()), brokenMidway))
                .hasRootCauseMessage("upstream closed the connection");
        assertThat(seenMidway).containsExactly(Map.of(REF, true));
        // ... but the cursor has not moved, so the whole patch is applied again, and only on top of where it was.
        assertThat(store.cursor()).isEqualTo(cursorBefore);

        assertThat(store.apply(patch(version, previous, hashes("p-", 0, parts * partSize), List.of()))).isTrue();
        assertThat(store.cursor()).isEqualTo(version);
        assertThat(store.membership(ContextHash.of("p-" + (parts * partSize - 1)))).isEqualTo(Map.of(REF, true));
    }

    @Test
    void anIncludeAndAnExcludeOfOneContextInDifferentPartsAreBothKept() {
        String both = ContextHash.of("both");
        List<BigSegmentPatch> parts = List.of(
                patch("1", "", List.of(both, ContextHash.of("a")), List.of(ContextHash.of("excluded-first"))),
                patch("1", "", hashes("b-", 0, changesWrittenAtomically() + partSize()), List.of()),
                patch("1", "", List.of(ContextHash.of("excluded-first")),
                        List.of(both, ContextHash.of("only-excluded"))));

        assertThat(store.apply(patch("1", "", List.of(), List.of()), inOrder(parts))).isTrue();

        assertThat(store.cursor()).isEqualTo("1");
        assertThat(store.membership(both)).isEqualTo(Map.of(REF, true)); // an include wins, as in the SDKs
        assertThat(store.membership(ContextHash.of("excluded-first"))).isEqualTo(Map.of(REF, true));
        assertThat(store.membership(ContextHash.of("only-excluded"))).isEqualTo(Map.of(REF, false));
        assertThat(store.membership(ContextHash.of("b-0"))).isEqualTo(Map.of(REF, true));
        assertThat(store.membership(ContextHash.of("unknown"))).isEmpty();
    }

    @Test
    void anOutOfOrderPatchInPartsIsNotEvenRead() {
        assertThat(store.apply(patch("1", "", hashes("a-", 0, 3), List.of()))).isTrue();
        AtomicInteger read = new AtomicInteger();
        PatchParts parts = () -> {
            read.incrementAndGet();
            return null;
        };
        assertThat(store.apply(patch("9", "8", List.of(), List.of()), parts)).isFalse();
        assertThat(read).hasValue(0);
        assertThat(store.cursor()).isEqualTo("1");
    }

    protected static PatchParts inOrder(List<BigSegmentPatch> parts) {
        Iterator<BigSegmentPatch> next = parts.iterator();
        return () -> next.hasNext() ? next.next() : null;
    }

    protected static BigSegmentPatch patch(String version, String previous, List<String> includeAdd,
                                           List<String> excludeAdd) {
        return new BigSegmentPatch("env", REF, version, previous, includeAdd, List.of(), excludeAdd, List.of());
    }

    protected static List<String> hashes(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> ContextHash.of(prefix + i)).toList();
    }
}
