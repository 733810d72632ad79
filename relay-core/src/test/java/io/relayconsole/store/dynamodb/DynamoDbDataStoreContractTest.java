package io.relayconsole.store.dynamodb;

import io.relayconsole.store.DataStore;
import io.relayconsole.store.DataStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The DynamoDB store against the shared store contract, on a real dynalite server, one table per test. */
class DynamoDbDataStoreContractTest extends DataStoreContractTest {
    private static DynaliteServer server;
    private String table;

    @BeforeAll
    static void startServer() {
        server = new DynaliteServer();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void createTable() {
        table = DynaliteServer.newTableName();
        server.createTable(table);
    }

    @Override
    protected DataStore createStore(String prefix) {
        return new DynamoDbDataStore(server.options(table).prefix(prefix).build());
    }

    @Override
    protected void clearDatabase() {
        server.deleteTable(table);
    }
}
