package io.relayconsole.store.dynamodb;

import io.relayconsole.acceptance.OutageScenarios;
import io.relayconsole.store.DataStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The outage scenarios on a real dynalite server; its data survives a restart, like DynamoDB's. */
class DynamoDbOutageScenariosTest extends OutageScenarios {
    private static DynaliteServer server;
    private static String table;

    @BeforeAll
    static void startServer() {
        server = new DynaliteServer();
        table = DynaliteServer.newTableName();
        server.createTable(table);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected DataStore newStore(String prefix) {
        return new DynamoDbDataStore(server.options(table).prefix(prefix).build());
    }

    @Override
    protected void killDatabase() {
        server.process.kill();
    }

    @Override
    protected void restartDatabase() {
        server.process.restart();
    }
}
