package io.relayconsole.store.dynamodb;

import io.relayconsole.testing.ServerPerClassExtension;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One dynalite for a whole test class and a freshly created table for each test: {@code @RegisterExtension
 * static final DynaliteExtension dynalite = new DynaliteExtension();}.
 */
final class DynaliteExtension extends ServerPerClassExtension<DynaliteServer> implements BeforeEachCallback {
    private String table;

    DynaliteExtension() {
        super("dynalite", DynaliteServer::new);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        table = DynaliteServer.newTableName();
        server().createTable(table);
    }

    /** This test's table, created empty before it. */
    String table() {
        return table;
    }

    /** A store on this test's table over {@code prefix} (none if null). */
    DynamoDbDataStore store(String prefix) {
        return new DynamoDbDataStore(server().options(table).prefix(prefix).build());
    }
}
