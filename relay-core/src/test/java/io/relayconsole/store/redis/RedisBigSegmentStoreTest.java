package io.relayconsole.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.relayconsole.bigsegments.BigSegmentPatch;
import io.relayconsole.bigsegments.ContextHash;
import io.relayconsole.bigsegments.PatchParts;
import io.relayconsole.testing.RedisServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Patches larger than one MULTI/EXEC (an initial sync of a big audience) written into a real redis-server: every
 * member lands in the set the SDKs read, across the script boundaries, and the cursor still moves last and only on
 * top of its previous version.
 */
class RedisBigSegmentStoreTest {
    private static final String REF = "audience.g1";

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private RedisBigSegmentStore store;

    @BeforeEach
    void open() {
        redis.flushAll();
        store = new RedisBigSegmentStore(RedisStoreOptions.builder().url(redis.url()).prefix("big").build());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPatchLargerThanOneTransactionWritesEveryMemberThenTheCursor() {
        int included = RedisBigSegmentStore.ATOMIC_CHANGES + 2 * RedisBigSegmentStore.KEYS_PER_SCRIPT + 7;
        int excluded = RedisBigSegmentStore.KEYS_PER_SCRIPT + 1;
        assertThat(store.apply(patch("1", "", hashes("in-", 0, included), List.of(), hashes("out-", 0, excluded))))
                .isTrue();

        assertThat(store.cursor()).isEqualTo("1");
        // one set per member, plus the cursor and lock keys
        assertThat(redis.cli("DBSIZE").trim()).isEqualTo(Integer.toString(included + excluded + 2));
        for (int i : List.of(0, RedisBigSegmentStore.KEYS_PER_SCRIPT - 1, RedisBigSegmentStore.KEYS_PER_SCRIPT,
                included - 1)) {
            assertThat(store.membership(ContextHash.of("in-" + i))).as("in-%d", i).isEqualTo(Map.of(REF, true));
        }
        assertThat(store.membership(ContextHash.of("out-" + (excluded - 1)))).isEqualTo(Map.of(REF, false));
        assertThat(store.membership(ContextHash.of("in-" + included))).isEmpty();

        // A second large patch removes most of them again.
        int removed = RedisBigSegmentStore.ATOMIC_CHANGES + 1;
        assertThat(store.apply(patch("2", "1", List.of(), hashes("in-", 0, removed), List.of()))).isTrue();
        assertThat(store.cursor()).isEqualTo("2");
        assertThat(store.membership(ContextHash.of("in-" + (removed - 1)))).isEmpty();
        assertThat(store.membership(ContextHash.of("in-" + removed))).isEqualTo(Map.of(REF, true));
    }

    @Test
    void aLargeOutOfOrderPatchWritesNothing() {
        assertThat(store.apply(patch("1", "", hashes("a-", 0, 3), List.of(), List.of()))).isTrue();
        String before = redis.cli("DBSIZE").trim();

        assertThat(store.apply(patch("9", "8", hashes("b-", 0, RedisBigSegmentStore.ATOMIC_CHANGES + 1),
                List.of(), List.of()))).isFalse();

        assertThat(redis.cli("DBSIZE").trim()).isEqualTo(before);
        assertThat(store.cursor()).isEqualTo("1");
        assertThat(store.membership(ContextHash.of("b-0"))).isEmpty();
    }

    @Test
    void aPatchReadInPartsIsWrittenWhileItArrivesAndAnInterruptedOneIsAppliedAgainFromTheCursor() {
        assertThat(store.apply(patch("1", "", hashes("a-", 0, 3), List.of(), List.of()))).isTrue();
        int partSize = RedisBigSegmentStore.KEYS_PER_SCRIPT;
        int parts = RedisBigSegmentStore.ATOMIC_CHANGES / partSize + 4;
        BigSegmentPatch header = patch("2", "1", List.of(), List.of(), List.of());
        List<String> firstPart = hashes("p-", 0, partSize);
        AtomicInteger read = new AtomicInteger();
        List<Map<String, Boolean>> seenMidway = new ArrayList<>();
        PatchParts brokenMidway = () -> {
            int i = read.getAndIncrement();
            if (i == parts - 1) {
                // By now the first parts are in Redis (the store does not wait for the whole patch) ...
                await().atMost(Duration.ofSeconds(10)).until(() -> !store.membership(firstPart.get(0)).isEmpty());
                seenMidway.add(store.membership(firstPart.get(0)));
                throw new UncheckedIOException(new IOException("upstream closed the connection"));
            }
            return patch("2", "1", hashes("p-", i * partSize, (i + 1) * partSize), List.of(), List.of());
        };
        assertThatThrownBy(() -> store.apply(header, brokenMidway)).hasRootCauseMessage(
                "upstream closed the connection");
        assertThat(seenMidway).containsExactly(Map.of(REF, true));
        // ... but the cursor has not moved, so the whole patch is applied again, and only on top of "1".
        assertThat(store.cursor()).isEqualTo("1");

        BigSegmentPatch whole = patch("2", "1", hashes("p-", 0, parts * partSize), List.of(), List.of());
        assertThat(store.apply(whole)).isTrue();
        assertThat(store.cursor()).isEqualTo("2");
        assertThat(store.membership(ContextHash.of("p-" + (parts * partSize - 1)))).isEqualTo(Map.of(REF, true));
    }

    @Test
    void anOutOfOrderPatchInPartsIsNotEvenRead() {
        assertThat(store.apply(patch("1", "", hashes("a-", 0, 3), List.of(), List.of()))).isTrue();
        AtomicInteger read = new AtomicInteger();
        PatchParts parts = () -> {
            read.incrementAndGet();
            return null;
        };
        assertThat(store.apply(patch("9", "8", List.of(), List.of(), List.of()), parts)).isFalse();
        assertThat(read).hasValue(0);
        assertThat(store.cursor()).isEqualTo("1");
    }

    private static BigSegmentPatch patch(String version, String previous, List<String> includeAdd,
                                         List<String> includeRemove, List<String> excludeAdd) {
        return new BigSegmentPatch("env", REF, version, previous, includeAdd, includeRemove, excludeAdd, List.of());
    }

    private static List<String> hashes(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> ContextHash.of(prefix + i)).toList();
    }
}
