package io.relayconsole.app.store;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.Engine;
import io.relayconsole.app.ui.ResultText;
import io.relayconsole.relay.RelayEnvironment;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs the store actions on the selected environment off the FX thread; the result comes back as one line. */
public final class StoreActionCommands {
    private final ConsoleContext context;

    public StoreActionCommands(ConsoleContext context) {
        this.context = context;
    }

    /** The environment an action would run on, or empty before the relay has started. */
    public Optional<String> selectedEnvironment() {
        return Engine.selectedEnvironment(context).map(RelayEnvironment::name);
    }

    /** Runs {@code action}; {@code onDone} gets the result line on the FX thread. */
    public void run(StoreAction action, Consumer<String> onDone) {
        Optional<RelayEnvironment> env = Engine.selectedEnvironment(context);
        if (env.isEmpty()) {
            onDone.accept("No environment selected: the relay has not started yet.");
            return;
        }
        context.run(() -> action.run(env.get()), r -> onDone.accept(ResultText.of(r)),
                error -> onDone.accept(ResultText.failed(action.label(), error)));
    }
}
