package io.relayconsole.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Batching and the retry of unprocessed writes. DynamoDB returns unprocessed items only under throttling, which a
 * local server never does, so a stand-in for the DynamoDB service plays that part here.
 */
class BatchWriterTest {
    private static final String TABLE = "t";

    /** Records every batch it receives and leaves the first {@code unprocessedRounds} batches half undone. */
    private static final class ThrottlingDynamoDb implements DynamoDbClient {
        final List<List<String>> batches = new ArrayList<>();
        int unprocessedRounds;

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            List<WriteRequest> writes = request.requestItems().get(TABLE);
            batches.add(writes.stream().map(w -> w.putRequest().item().get("key").s()).toList());
            if (unprocessedRounds-- > 0) {
                List<WriteRequest> left = writes.subList(writes.size() / 2, writes.size());
                return BatchWriteItemResponse.builder().unprocessedItems(Map.of(TABLE, left)).build();
            }
            return BatchWriteItemResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    private static List<WriteRequest> puts(int count) {
        return IntStream.range(0, count).mapToObj(i -> WriteRequest.builder()
                .putRequest(p -> p.item(Map.of("key", AttributeValue.fromS("k" + i)))).build()).toList();
    }

    private static BatchWriter writer(ThrottlingDynamoDb dynamo) {
        return new BatchWriter(dynamo, TABLE, new DynamoDbErrors(TABLE, "test"), 1);
    }

    @Test
    void writesInBatchesOfTwentyFiveInOrder() {
        ThrottlingDynamoDb dynamo = new ThrottlingDynamoDb();
        writer(dynamo).write(puts(60));
        assertThat(dynamo.batches).extracting(List::size).containsExactly(25, 25, 10);
        assertThat(dynamo.batches.get(1).get(0)).isEqualTo("k25");
    }

    @Test
    void sendsUnprocessedWritesAgainUntilDone() {
        ThrottlingDynamoDb dynamo = new ThrottlingDynamoDb();
        dynamo.unprocessedRounds = 2;
        writer(dynamo).write(puts(8));
        assertThat(dynamo.batches).containsExactly(
                List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"),
                List.of("k4", "k5", "k6", "k7"),
                List.of("k6", "k7"));
    }

    @Test
    void givesUpWithAStoreExceptionWhenWritesStayUnprocessed() {
        ThrottlingDynamoDb dynamo = new ThrottlingDynamoDb();
        dynamo.unprocessedRounds = Integer.MAX_VALUE;
        assertThatThrownBy(() -> writer(dynamo).write(puts(64)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("unprocessed after " + BatchWriter.MAX_ATTEMPTS + " attempts");
    }
}
