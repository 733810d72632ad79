package io.relayconsole.store.dynamodb;

import io.relayconsole.store.DataStore;
import io.relayconsole.store.DataStoreContractTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DynamoDB store against the shared store contract, on a real dynalite server, one table per test. */
class DynamoDbDataStoreContractTest extends DataStoreContractTest {
    @RegisterExtension
    static final DynaliteExtension dynalite = new DynaliteExtension();

    @Override
    protected DataStore createStore(String prefix) {
        return dynalite.store(prefix);
    }

    @Override
    protected void clearDatabase() {
        dynalite.server().deleteTable(dynalite.table());
    }
}
