package io.relayconsole.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.bigsegments.BigSegmentPatch;
import io.relayconsole.bigsegments.BigSegmentStore;
import io.relayconsole.bigsegments.BigSegmentStoreContractTest;
import io.relayconsole.bigsegments.ContextHash;
import io.relayconsole.bigsegments.PatchParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB store against the big-segment store contract on a real dynalite, and what only DynamoDB does: a first
 * patch puts whole items, so an exclusion from another part must still be stored beside the inclusion, and a hash
 * listed twice must not reach one batch twice, and exclusions past what it holds back are stored before any later
 * inclusion of the same hash, also when such a patch is broken off and applied again; a later patch adds and removes
 * set members.
 */
class DynamoDbBigSegmentStoreTest extends BigSegmentStoreContractTest {
    @RegisterExtension
    static final DynaliteExtension dynalite = new DynaliteExtension();
    /** An item's sets when its context is both included and excluded. */
    private static final Map<String, List<String>> BOTH_SETS =
            Map.of("included", List.of(REF), "excluded", List.of(REF));

    @Override
    protected BigSegmentStore createStore() {
        return new DynamoDbBigSegmentStore(dynalite.server().options(dynalite.table()).prefix("big").build());
    }

    @Override
    protected int changesWrittenAtomically() {
        return 0;
    }

    @Override
    protected int partSize() {
        return 2 * BatchWriter.BATCH_SIZE + 1;
    }

    @Test
    void aFirstPatchStoresAnExclusionBesideTheWholeItemAnotherPartPutAndPutsATwiceListedHashOnce() {
        String both = ContextHash.of("both");
        String excludedFirst = ContextHash.of("excluded-first");
        List<BigSegmentPatch> parts = List.of(
                patch("1", "", List.of(both, both, ContextHash.of("a")), List.of(excludedFirst)),
                patch("1", "", List.of(excludedFirst), List.of(both)));

        assertThat(store.apply(patch("1", "", List.of(), List.of()), inOrder(parts))).isTrue();

        assertThat(rawSets(both)).isEqualTo(BOTH_SETS);
        assertThat(rawSets(excludedFirst)).isEqualTo(BOTH_SETS);
    }

    /**
     * Three parts for a store that holds back two exclusions: the first part goes past that with x-0..x-2 beside
     * including a, the second includes x-0 after its exclusion was stored, the third excludes a after its put.
     */
    private List<BigSegmentPatch> partsExcludingPastWhatTheStoreHoldsBack() {
        store.close();
        store = new DynamoDbBigSegmentStore(dynalite.server().options(dynalite.table()).prefix("big").build(), 2);
        return List.of(
                patch("1", "", List.of(ContextHash.of("a")), hashes("x-", 0, 3)),
                patch("1", "", List.of(ContextHash.of("x-0"), ContextHash.of("b")), List.of()),
                patch("1", "", List.of(), List.of(ContextHash.of("a"))));
    }

    private void assertExclusionsKeptBesideInclusions() {
        assertThat(rawSets(ContextHash.of("x-0"))).isEqualTo(BOTH_SETS);
        assertThat(rawSets(ContextHash.of("a"))).isEqualTo(BOTH_SETS);
        assertThat(rawSets(ContextHash.of("x-1"))).isEqualTo(Map.of("excluded", List.of(REF)));
        assertThat(rawSets(ContextHash.of("x-2"))).isEqualTo(Map.of("excluded", List.of(REF)));
        assertThat(store.membership(ContextHash.of("b"))).isEqualTo(Map.of(REF, true));
        assertThat(store.cursor()).isEqualTo("1");
    }

    @Test
    void aFirstPatchWithMoreExclusionsThanItHoldsAddsThemAndKeepsThemBesideLaterInclusions() {
        List<BigSegmentPatch> parts = partsExcludingPastWhatTheStoreHoldsBack();

        assertThat(store.apply(patch("1", "", List.of(), List.of()), inOrder(parts))).isTrue();

        assertExclusionsKeptBesideInclusions();
    }

    @Test
    void aFirstPatchBrokenOffAfterItAddedItsHeldExclusionsIsAppliedAgainWithEveryExclusionKept() {
        List<BigSegmentPatch> parts = partsExcludingPastWhatTheStoreHoldsBack();
        Iterator<BigSegmentPatch> firstTwo = parts.subList(0, 2).iterator();
        PatchParts brokenOff = () -> {
            if (firstTwo.hasNext()) {
                return firstTwo.next();
            }
            throw new UncheckedIOException(new IOException("upstream closed the connection"));
        };
        assertThatThrownBy(() -> store.apply(patch("1", "", List.of(), List.of()), brokenOff))
                .hasRootCauseMessage("upstream closed the connection");
        assertThat(store.cursor()).isNull();

        assertThat(store.apply(patch("1", "", List.of(), List.of()), inOrder(parts))).isTrue();

        assertExclusionsKeptBesideInclusions();
    }

    @Test
    void aLaterPatchInPartsAddsAndRemovesMembers() {
        assertThat(store.apply(patch("1", "", hashes("a-", 0, 30), List.of()))).isTrue();
        List<BigSegmentPatch> parts = List.of(
                new BigSegmentPatch("env", REF, "2", "1", hashes("c-", 0, 40), hashes("a-", 0, 10), List.of(),
                        List.of()),
                new BigSegmentPatch("env", REF, "2", "1", List.of(), hashes("a-", 10, 20), List.of(), List.of()));

        assertThat(store.apply(patch("2", "1", List.of(), List.of()), inOrder(parts))).isTrue();

        assertThat(store.cursor()).isEqualTo("2");
        assertThat(store.membership(ContextHash.of("c-39"))).isEqualTo(Map.of(REF, true));
        assertThat(store.membership(ContextHash.of("a-19"))).isEmpty();
        assertThat(store.membership(ContextHash.of("a-20"))).isEqualTo(Map.of(REF, true));
    }

    /** The item's string sets as stored, attribute name to members. */
    private Map<String, List<String>> rawSets(String hash) {
        String namespace = "big:" + DynamoDbBigSegmentStore.USER;
        Map<String, AttributeValue> key = Map.of("namespace", AttributeValue.fromS(namespace),
                "key", AttributeValue.fromS(hash));
        Map<String, List<String>> sets = new HashMap<>();
        dynalite.server().raw.getItem(b -> b.tableName(dynalite.table()).consistentRead(true).key(key)).item()
                .forEach((name, value) -> {
                    if (value.hasSs()) {
                        sets.put(name, value.ss());
                    }
                });
        return sets;
    }
}
