package io.relayconsole.app.store;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.Engine;
import io.relayconsole.app.ui.ResultText;
import io.relayconsole.backends.ConnectionCheck;
import io.relayconsole.backends.StoreBackends;
import io.relayconsole.backends.StoreSettings;
import io.relayconsole.relay.RelayEnvironment;
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
            ConnectionCheck check = StoreBackends.check(model.form().settings(env.name()));
            return (check.available() ? "\u2714 " : "\u2716 ") + check.message();
        });
    }

    /** Switches the selected environment to the store in the form, keeping the current TTL. */
    public void switchStore() {
        Duration ttl = currentOrTypedTtl();
        if (ttl == null) {
            return;
        }
        withEnvironment("Switching the store…", env -> ResultText.of(env.store().switchTo(
                StoreBackends.create(model.form().settings(env.name())), ttl)));
    }

    public void applyTtl() {
        Duration ttl = model.parsedTtl();
        if (ttl == null) {
            return;
        }
        withEnvironment("Changing the cache TTL…", env -> ResultText.of(env.store().setCacheTtl(ttl)));
    }

    public void createTable() {
        withEnvironment("Creating the DynamoDB table…", env -> {
            if (!(model.form().settings(env.name()) instanceof StoreSettings.DynamoDb dynamo)) {
                return "\u2716 Choose DynamoDB first";
            }
            return StoreBackends.createTable(dynamo) ? "\u2714 Created table " + dynamo.table()
                    : "\u2714 Table " + dynamo.table() + " already exists";
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
