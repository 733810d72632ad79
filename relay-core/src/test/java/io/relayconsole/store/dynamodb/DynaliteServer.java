package io.relayconsole.store.dynamodb;

import io.relayconsole.testing.DynaliteProcess;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One dynalite per test class, a raw AWS client on it, and a fresh table name for each test. */
final class DynaliteServer implements AutoCloseable {
    private static final AtomicInteger TABLES = new AtomicInteger();

    final DynaliteProcess process = DynaliteProcess.start();
    final DynamoDbClient raw = DynamoDbClient.builder()
            .endpointOverride(process.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    static String newTableName() {
        return "relay-test-" + TABLES.incrementAndGet();
    }

    DynamoDbStoreOptions.Builder options(String table) {
        return DynamoDbStoreOptions.builder(table).endpoint(process.endpoint());
    }

    /** Creates the table through the store's own explicit operation, as the console would. */
    void createTable(String table) {
        try (DynamoDbDataStore store = new DynamoDbDataStore(options(table).build())) {
            store.createTable();
        }
    }

    void deleteTable(String table) {
        raw.deleteTable(b -> b.tableName(table));
    }

    @Override
    public void close() {
        raw.close();
        process.close();
    }
}
