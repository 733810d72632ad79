package io.relayconsole.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.relayconsole.bigsegments.BigSegmentPatch;
import io.relayconsole.bigsegments.ContextHash;
import io.relayconsole.bigsegments.PatchParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A patch read in parts written into dynalite as it arrives: never gathered whole, yet every member lands in the item
 * the SDKs read, whichever part includes or excludes it, and the cursor moves last and only on top of its previous
 * version.
 */
class DynamoDbBigSegmentStoreTest {
    private static final String REF = "audience.g1";

    @RegisterExtension
    static final DynaliteExtension dynalite = new DynaliteExtension();

    private DynamoDbBigSegmentStore store;

    @BeforeEach
    void open() {
        store = new DynamoDbBigSegmentStore(dynalite.server().options(dynalite.table()).prefix("big").build());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anInitialPatchInPartsKeepsAnIncludeAndAnExcludeOfOneHashFromDifferentParts() {
        String both = ContextHash.of("both");
        String excludedFirst = ContextHash.of("excluded-first");
        List<BigSegmentPatch> parts = List.of(
                patch("1", "", List.of(both, both, ContextHash.of("a")), List.of(excludedFirst)),
                patch("1", "", hashes("b-", 0, 60), List.of()),
                patch("1", "", List.of(excludedFirst), List.of(both, ContextHash.of("only-excluded"))));

        assertThat(store.apply(patch("1", "", List.of(), List.of()), inOrder(parts))).isTrue();

        assertThat(store.cursor()).isEqualTo("1");
        // an include wins when reading, but the exclusion is stored too, as ld-relay stores it
        assertThat(rawSets(both)).containsExactlyInAnyOrderEntriesOf(Map.of("included", List.of(REF),
                "excluded", List.of(REF)));
        assertThat(rawSets(excludedFirst)).containsExactlyInAnyOrderEntriesOf(Map.of("included", List.of(REF),
                "excluded", List.of(REF)));
        assertThat(store.membership(ContextHash.of("only-excluded"))).isEqualTo(Map.of(REF, false));
        assertThat(store.membership(ContextHash.of("b-59"))).isEqualTo(Map.of(REF, true));
        assertThat(store.membership(ContextHash.of("unknown"))).isEmpty();
    }

    @Test
    void aPatchReadInPartsIsWrittenWhileItArrivesAndAnInterruptedOneIsAppliedAgainFromTheCursor() {
        int partSize = 100;
        int parts = 5;
        List<String> firstPart = hashes("p-", 0, partSize);
        List<Map<String, Boolean>> seenMidway = new ArrayList<>();
        int[] read = {0};
        PatchParts brokenMidway = () -> {
            int i = read[0]++;
            if (i == parts - 1) {
                // By now the first part is in the table (the store does not wait for the whole patch) ...
                await().atMost(Duration.ofSeconds(10)).until(() -> !store.membership(firstPart.get(0)).isEmpty());
                seenMidway.add(store.membership(firstPart.get(0)));
                throw new UncheckedIOException(new IOException("upstream closed the connection"));
            }
            return patch("1", "", hashes("p-", i * partSize, (i + 1) * partSize), List.of());
        };
        assertThatThrownBy(() -> store.apply(patch("1", "", List.of(), List.of()), brokenMidway))
                .hasRootCauseMessage("upstream closed the connection");
        assertThat(seenMidway).containsExactly(Map.of(REF, true));
        // ... but the cursor has not moved, so the whole patch is applied again, from no cursor.
        assertThat(store.cursor()).isNull();

        assertThat(store.apply(patch("1", "", hashes("p-", 0, parts * partSize), List.of()))).isTrue();
        assertThat(store.cursor()).isEqualTo("1");
        assertThat(store.membership(ContextHash.of("p-" + (parts * partSize - 1)))).isEqualTo(Map.of(REF, true));
    }

    @Test
    void aLaterPatchInPartsAddsAndRemovesOnTopOfTheCursorOnly() {
        assertThat(store.apply(patch("1", "", hashes("a-", 0, 30), List.of()))).isTrue();
        List<BigSegmentPatch> parts = List.of(
                new BigSegmentPatch("env", REF, "2", "1", hashes("c-", 0, 40), hashes("a-", 0, 10), List.of(),
                        List.of()),
                new BigSegmentPatch("env", REF, "2", "1", List.of(), hashes("a-", 10, 20), List.of(),
                        List.of()));

        assertThat(store.apply(patch("9", "8", List.of(), List.of()), inOrder(parts))).isFalse();
        assertThat(store.membership(ContextHash.of("c-0"))).isEmpty();

        assertThat(store.apply(patch("2", "1", List.of(), List.of()), inOrder(parts))).isTrue();
        assertThat(store.cursor()).isEqualTo("2");
        assertThat(store.membership(ContextHash.of("c-39"))).isEqualTo(Map.of(REF, true));
        assertThat(store.membership(ContextHash.of("a-19"))).isEmpty();
        assertThat(store.membership(ContextHash.of("a-20"))).isEqualTo(Map.of(REF, true));
    }

    /** The item's sets as stored, attribute name to its members. */
    private Map<String, List<String>> rawSets(String hash) {
        String namespace = "big:" + DynamoDbBigSegmentStore.USER;
        Map<String, List<String>> sets = new HashMap<>();
        dynalite.server().raw.getItem(b -> b.tableName(dynalite.table()).consistentRead(true).key(Map.of(
                "namespace", AttributeValue.fromS(namespace), "key", AttributeValue.fromS(hash)))).item().forEach(
                        (name, value) -> {
                            if (value.hasSs()) {
                                sets.put(name, value.ss());
                            }
                        });
        return sets;
    }

    private static PatchParts inOrder(List<BigSegmentPatch> parts) {
        Iterator<BigSegmentPatch> next = parts.iterator();
        return () -> next.hasNext() ? next.next() : null;
    }

    private static BigSegmentPatch patch(String version, String previous, List<String> includeAdd,
                                         List<String> excludeAdd) {
        return new BigSegmentPatch("env", REF, version, previous, includeAdd, List.of(), excludeAdd, List.of());
    }

    private static List<String> hashes(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> ContextHash.of(prefix + i)).toList();
    }
}
