package io.relayconsole.app.store;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.Engine;
import io.relayconsole.app.ui.ResultText;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.dynamodb.DynamoDbDataStore;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** What the store screen's buttons do, each off the FX thread with progress and a result line. */
public final class StoreCommands {
    private final ConsoleContext context;
    private final StoreViewModel model;

    public StoreCommands(ConsoleContext context, StoreViewModel model) {
        this.context = context;
        this.model = model;
    }

    public void testConnection() {
        withEnvironment("Testing the connection…", env -> {
            DataStore store = model.form().build(env.name());
            ConnectionTest test = ConnectionTest.run(store);
            return (test.available() ? "\u2714 " : "\u2716 ") + test.message();
        });
    }

    /** Switches the selected environment to the store in the form, keeping the current TTL. */
    public void switchStore() {
        Duration ttl = currentOrTypedTtl();
        if (ttl == null) {
            return;
        }
        withEnvironment("Switching the store…", env -> ResultText.of(env.switchStore(model.form().build(env.name()), ttl)));
    }

    public void applyTtl() {
        Duration ttl = model.parsedTtl();
        if (ttl == null) {
            return;
        }
        withEnvironment("Changing the cache TTL…", env -> ResultText.of(env.setCacheTtl(ttl)));
    }

    public void createTable() {
        withEnvironment("Creating the DynamoDB table…", env -> {
            try (DynamoDbDataStore store = new DynamoDbDataStore(model.form().dynamoOptions(env.name()))) {
                return store.createTable() ? "\u2714 Created table " + store.options().tableName()
                        : "\u2714 Table " + store.options().tableName() + " already exists";
            }
        });
    }

    private Duration currentOrTypedTtl() {
        String typed = model.ttlTextProperty().get();
        return typed == null || typed.isBlank() ? Duration.ofSeconds(30) : model.parsedTtl();
    }

    private void withEnvironment(String progress, Function<RelayEnvironment, String> command) {
        Optional<RelayEnvironment> env = Engine.selectedEnvironment(context);
        if (env.isEmpty()) {
            model.resultProperty().set("No environment selected: the relay has not started yet.");
            return;
        }
        model.busyProperty().set(true);
        model.resultProperty().set(progress);
        context.run(() -> command.apply(env.get()), text -> {
            model.busyProperty().set(false);
            model.resultProperty().set(text);
        }, error -> {
            model.busyProperty().set(false);
            model.resultProperty().set("\u2716 " + error.getMessage());
        });
    }
}
