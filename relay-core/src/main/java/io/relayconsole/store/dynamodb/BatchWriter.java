package io.relayconsole.store.dynamodb;

import io.relayconsole.store.StoreException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes puts and deletes with {@code BatchWriteItem}, 25 at a time (DynamoDB's limit), in order. DynamoDB may
 * leave part of a batch unprocessed when it throttles; those requests are sent again with a growing pause
 * until done or until {@link #MAX_ATTEMPTS} is reached.
 */
final class BatchWriter {
    static final int BATCH_SIZE = 25;
    static final int MAX_ATTEMPTS = 8;
    static final long FIRST_PAUSE_MILLIS = 50;
    private static final long MAX_PAUSE_MILLIS = 1000;

    private final DynamoDbClient client;
    private final String tableName;
    private final DynamoDbErrors errors;
    private final long firstPauseMillis;

    BatchWriter(DynamoDbClient client, String tableName, DynamoDbErrors errors) {
        this(client, tableName, errors, FIRST_PAUSE_MILLIS);
    }

    BatchWriter(DynamoDbClient client, String tableName, DynamoDbErrors errors, long firstPauseMillis) {
        this.client = client;
        this.tableName = tableName;
        this.errors = errors;
        this.firstPauseMillis = firstPauseMillis;
    }

    void write(List<WriteRequest> requests) {
        for (int start = 0; start < requests.size(); start += BATCH_SIZE) {
            writeBatch(requests.subList(start, Math.min(start + BATCH_SIZE, requests.size())));
        }
    }

    private void writeBatch(List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        long pause = firstPauseMillis;
        for (int attempt = 1; ; attempt++) {
            List<WriteRequest> toSend = pending;
            BatchWriteItemResponse response = errors.call("write a batch of " + toSend.size() + " items",
                    () -> client.batchWriteItem(b -> b.requestItems(Map.of(tableName, toSend))));
            pending = response.hasUnprocessedItems()
                    ? response.unprocessedItems().getOrDefault(tableName, List.of()) : List.of();
            if (pending.isEmpty()) {
                return;
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new StoreException("DynamoDB left " + pending.size() + " of " + batch.size()
                        + " writes unprocessed after " + attempt + " attempts (the table is being throttled)");
            }
            pauseBeforeRetry(pause);
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }

    private static void pauseBeforeRetry(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while retrying unprocessed DynamoDB writes", e);
        }
    }
}
