package io.relayconsole.bigsegments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;

/** An in-memory store with big segments in the data: a clear warning naming the rule, nothing synchronized. */
class UnsupportedStoreBigSegmentsTest {

    @Test
    void theStoreScreenAndStatusSayBigSegmentsNeedRedisOrDynamoDb() throws Exception {
        try (BigSegmentsRelay relay = new BigSegmentsRelay(null)) {
            await().atMost(BigSegmentsRelay.WAIT).until(() -> relay.stats().state() == SyncState.UNSUPPORTED);
            assertThat(relay.stats().message()).contains("in-memory")
                    .contains("If you use Big Segments, you can only use Redis or DynamoDB as a feature store.");
            assertThat(relay.status().path("environments").path("production").has("bigSegmentStatus")).isFalse();
            assertThat(relay.environment().bigSegments().membershipOf("alice")).isEmpty();
        }
    }
}
