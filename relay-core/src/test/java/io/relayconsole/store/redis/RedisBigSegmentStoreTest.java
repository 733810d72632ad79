package io.relayconsole.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.bigsegments.BigSegmentPatch;
import io.relayconsole.bigsegments.BigSegmentStore;
import io.relayconsole.bigsegments.BigSegmentStoreContractTest;
import io.relayconsole.bigsegments.ContextHash;
import io.relayconsole.testing.RedisServerExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis store against the big-segment store contract on a real redis-server, and what only Redis does: patches
 * larger than one MULTI/EXEC (an initial sync of a big audience) reach every set the SDKs read across the script
 * boundaries, and a large out-of-order one writes no key at all.
 */
class RedisBigSegmentStoreTest extends BigSegmentStoreContractTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @Override
    protected BigSegmentStore createStore() {
        redis.flushAll();
        return new RedisBigSegmentStore(RedisStoreOptions.builder().url(redis.url()).prefix("big").build());
    }

    @Override
    protected int changesWrittenAtomically() {
        return RedisBigSegmentStore.ATOMIC_CHANGES;
    }

    @Override
    protected int partSize() {
        return RedisBigSegmentStore.KEYS_PER_SCRIPT;
    }

    @Test
    void aPatchLargerThanOneTransactionWritesEveryMemberThenTheCursor() {
        int included = RedisBigSegmentStore.ATOMIC_CHANGES + 2 * RedisBigSegmentStore.KEYS_PER_SCRIPT + 7;
        int excluded = RedisBigSegmentStore.KEYS_PER_SCRIPT + 1;
        assertThat(store.apply(patch("1", "", hashes("in-", 0, included), hashes("out-", 0, excluded)))).isTrue();

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
        assertThat(store.apply(new BigSegmentPatch("env", REF, "2", "1", List.of(), hashes("in-", 0, removed),
                List.of(), List.of()))).isTrue();
        assertThat(store.cursor()).isEqualTo("2");
        assertThat(store.membership(ContextHash.of("in-" + (removed - 1)))).isEmpty();
        assertThat(store.membership(ContextHash.of("in-" + removed))).isEqualTo(Map.of(REF, true));
    }

    @Test
    void aLargeOutOfOrderPatchWritesNothing() {
        assertThat(store.apply(patch("1", "", hashes("a-", 0, 3), List.of()))).isTrue();
        String before = redis.cli("DBSIZE").trim();

        assertThat(store.apply(patch("9", "8", hashes("b-", 0, RedisBigSegmentStore.ATOMIC_CHANGES + 1),
                List.of()))).isFalse();

        assertThat(redis.cli("DBSIZE").trim()).isEqualTo(before);
        assertThat(store.cursor()).isEqualTo("1");
        assertThat(store.membership(ContextHash.of("b-0"))).isEmpty();
    }
}
