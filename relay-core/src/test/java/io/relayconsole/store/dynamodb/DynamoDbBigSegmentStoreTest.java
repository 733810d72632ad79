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

        Map<String, List<String>> bothSets = Map.of("included", List.of(REF), "excluded", List.of(REF));
        assertThat(rawSets(both)).isEqualTo(bothSets);
        assertThat(rawSets(excludedFirst)).isEqualTo(bothSets);
    }

    @Test
    void aFirstPatchWithMoreExclusionsThanItHoldsAddsThemAndKeepsThemBesideLaterInclusions() {
        store.close();
        store = new DynamoDbBigSegmentStore(dynalite.server().options(dynalite.table()).prefix("big").build(), 2);
        String excludedThenIncluded = ContextHash.of("x-0");
        List<BigSegmentPatch> parts = List.of(
                patch("1", "", List.of(ContextHash.of("a")), hashes("x-", 0, 3)),
                patch("1", "", List.of(excludedThenIncluded, ContextHash.of("b")), List.of()),
                patch("1", "", List.of(), List.of(ContextHash.of("a"))));

        assertThat(store.apply(patch("1", "", List.of(), List.of()), inOrder(parts))).isTrue();

        Map<String, List<String>> bothSets = Map.of("included", List.of(REF), "excluded", List.of(REF));
        assertThat(rawSets(excludedThenIncluded)).isEqualTo(bothSets);
        assertThat(rawSets(ContextHash.of("a"))).isEqualTo(bothSets);
        assertThat(rawSets(ContextHash.of("x-2"))).isEqualTo(Map.of("excluded", List.of(REF)));
        assertThat(store.membership(ContextHash.of("b"))).isEqualTo(Map.of(REF, true));
        assertThat(store.cursor()).isEqualTo("1");
    }

    @Test
    void aFirstPatchBrokenOffAfterItAddedItsHeldExclusionsIsAppliedAgainWithEveryExclusionKept() {
        store.close();
        store = new DynamoDbBigSegmentStore(dynalite.server().options(dynalite.table()).prefix("big").build(), 2);
        String includedThenExcluded = ContextHash.of("a");
        List<BigSegmentPatch> parts = List.of(
                patch("1", "", List.of(includedThenExcluded), hashes("x-", 0, 3)),
                patch("1", "", List.of(ContextHash.of("x-0")), List.of()),
                patch("1", "", List.of(), List.of(includedThenExcluded)));
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

        Map<String, List<String>> bothSets = Map.of("included", List.of(REF), "excluded", List.of(REF));
        assertThat(rawSets(ContextHash.of("x-0"))).isEqualTo(bothSets);
        assertThat(rawSets(includedThenExcluded)).isEqualTo(bothSets);
        assertThat(rawSets(ContextHash.of("x-1"))).isEqualTo(Map.of("excluded", List.of(REF)));
        assertThat(store.cursor()).isEqualTo("1");
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
