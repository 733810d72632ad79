package io.relayconsole.bigsegments;

import static io.relayconsole.bigsegments.BigSegmentsRelay.PREFIX;
import static io.relayconsole.bigsegments.BigSegmentsRelay.SEGMENT;
import static io.relayconsole.bigsegments.BigSegmentsRelay.WAIT;
import static io.relayconsole.bigsegments.BigSegmentsRelay.awaitValue;
import static io.relayconsole.bigsegments.BigSegmentsRelay.evaluate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.config.DynamoDbConfig;
import io.relayconsole.simulator.SimulatedBigSegments.Edit;
import io.relayconsole.store.dynamodb.DynamoDbBigSegmentStore;
import io.relayconsole.store.dynamodb.DynamoDbDataStore;
import io.relayconsole.store.dynamodb.DynamoDbStoreOptions;
import io.relayconsole.testing.DynaliteProcess;
import io.relayconsole.testing.SdkProcess;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Big segments synchronized into dynalite (no TransactWriteItems: the cursor-last ordering is what runs here) and
 * read in daemon mode by the legacy Node server SDK 7 with launchdarkly-node-server-sdk-dynamodb's big-segment store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbBigSegmentsTest {
    private static final String TABLE = "relay-big-segments";
    private static final Duration WARM_UP = Duration.ofSeconds(30);

    private DynaliteProcess dynalite;
    private BigSegmentsRelay relay;
    private SdkProcess reader;

    @BeforeAll
    void start() throws InterruptedException {
        dynalite = DynaliteProcess.start();
        try (DynamoDbDataStore store = new DynamoDbDataStore(DynamoDbStoreOptions.builder(TABLE)
                .endpoint(dynalite.endpoint()).apiCallTimeout(WARM_UP).attemptTimeout(WARM_UP).build())) {
            store.createTable();
        }
        relay = new BigSegmentsRelay(new DynamoDbConfig(TABLE, dynalite.endpoint(), null));
        relay.bigSegments().edit(SEGMENT, new Edit(List.of("alice", "bob"), List.of(), List.of("carol"), List.of()));
        reader = SdkProcess.legacyNodeDynamoDbBigSegmentReader(dynalite.endpoint(), TABLE, PREFIX);
        assertThat(reader.isReady()).as("Node SDK 7 ready: %s", reader.readyError()).isTrue();
    }

    @AfterAll
    void stop() {
        if (reader != null) {
            reader.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    @Test
    void theSdkReadsMembershipAndFollowsChangesAndOutOfOrderPatchesAreNotWritten() {
        awaitValue(reader, "alice", true);
        assertThat(evaluate(reader, "bob")).isTrue();
        assertThat(evaluate(reader, "carol")).as("excluded beats the segment's own rule").isFalse();
        assertThat(evaluate(reader, "dave")).as("unknown").isFalse();
        await().atMost(WAIT).until(() -> BigSegmentsRelay.answer(reader, "alice").reason()
                .path("bigSegmentsStatus").asText().equals("HEALTHY"));

        relay.bigSegments().edit(SEGMENT, Edit.including(List.of("dave")));
        relay.bigSegments().edit(SEGMENT, Edit.removingIncluded(List.of("alice")));
        awaitValue(reader, "dave", true);
        awaitValue(reader, "alice", false);

        long before = relay.stats().outOfOrderPatches();
        relay.bigSegments().sendRaw("[{\"segmentId\":\"" + SEGMENT + ".g1\",\"version\":\"99\","
                + "\"previousVersion\":\"98\",\"changes\":{\"included\":{\"add\":[\"" + ContextHash.of("eve")
                + "\"]}}}]");
        await().atMost(WAIT).until(() -> relay.stats().outOfOrderPatches() > before);
        relay.bigSegments().edit(SEGMENT, Edit.including(List.of("frank")));
        awaitValue(reader, "frank", true);
        assertThat(evaluate(reader, "eve")).isFalse();
    }

    @Test
    void dynaliteKilledDuringABurstOfPatchesEndsWithUpstreamsMembership() {
        awaitValue(reader, "bob", true);
        List<String> keys = IntStream.range(0, 30).mapToObj(i -> "burst-" + i).toList();
        for (int i = 0; i < keys.size(); i++) {
            relay.bigSegments().edit(SEGMENT, Edit.including(List.of(keys.get(i))));
            if (i == 10) {
                dynalite.kill();
            }
        }
        dynalite.restart(); // keeps its data directory: what was written before the kill is still there
        try (DynamoDbBigSegmentStore store = new DynamoDbBigSegmentStore(DynamoDbStoreOptions.builder(TABLE)
                .endpoint(dynalite.endpoint()).prefix(PREFIX).build())) {
            await().atMost(WAIT.multipliedBy(2)).ignoreExceptions().until(() -> keys.stream()
                    .allMatch(k -> Boolean.TRUE.equals(store.membership(ContextHash.of(k)).get(SEGMENT + ".g1"))));
            assertThat(store.cursor()).isEqualTo(relay.stats().cursor());
        }
        awaitValue(reader, "burst-29", true);
    }
}
