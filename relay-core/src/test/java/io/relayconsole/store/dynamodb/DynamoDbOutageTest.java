package io.relayconsole.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.store.StoreException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server goes away and comes back (same port, same data): the store reports it and recovers by itself. */
class DynamoDbOutageTest {
    private DynaliteServer server;
    private DynamoDbDataStore store;

    @BeforeEach
    void start() {
        server = new DynaliteServer();
        String table = DynaliteServer.newTableName();
        server.createTable(table);
        store = new DynamoDbDataStore(server.options(table).prefix("outage").build());
        store.init(FullDataSet.of(Map.of("f", DynamoDbDataStoreTest.flag("f", 1, "")), Map.of()));
    }

    @AfterEach
    void stop() {
        store.close();
        server.close();
    }

    @Test
    void everyOperationFailsWithAStoreExceptionWhileTheServerIsDownAndWorksAgainAfterARestart() {
        server.process.kill();

        assertThat(store.isAvailable()).isFalse();
        assertThatThrownBy(() -> store.get(DataKind.FEATURES, "f")).isInstanceOf(StoreException.class)
                .hasMessageContaining("DynamoDB (" + server.process.endpoint() + ") could not read features item \"f\"");
        assertThatThrownBy(() -> store.getAll(DataKind.FEATURES)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.upsert(DataKind.FEATURES, DynamoDbDataStoreTest.flag("f", 2, "")))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(store::isInitialized).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.init(FullDataSet.empty())).isInstanceOf(StoreException.class);

        server.process.restart();

        await().atMost(Duration.ofSeconds(10)).until(store::isAvailable);
        assertThat(store.isInitialized()).isTrue();
        assertThat(store.get(DataKind.FEATURES, "f").version()).as("data kept across the restart").isEqualTo(1);
        assertThat(store.upsert(DataKind.FEATURES, DynamoDbDataStoreTest.flag("f", 2, ""))).isTrue();
    }

    @Test
    void aServerThatAcceptsButNeverAnswersTimesOut() throws Exception {
        // A listening socket nobody reads from: the attempt and call timeouts must end the wait.
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             DynamoDbDataStore stuck = new DynamoDbDataStore(DynamoDbStoreOptions.builder("t")
                     .endpoint("http://127.0.0.1:" + silent.getLocalPort())
                     .apiCallTimeout(Duration.ofMillis(600)).attemptTimeout(Duration.ofMillis(300)).build())) {
            assertThat(stuck.isAvailable()).isFalse();
            assertThatThrownBy(() -> stuck.get(DataKind.FEATURES, "f")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("could not read");
        }
    }
}
