package io.relayconsole.app.shell;

import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.SimulatedEnvironment;
import java.util.Optional;

/** The engine objects the console's screens act on: the selected environment and the built-in upstream. */
public final class Engine {
    private Engine() {
    }

    public static Optional<RelayRuntime> runtime(ConsoleContext context) {
        return Optional.ofNullable(context.service().runtime());
    }

    /** The environment selected in the header, once the relay runs. */
    public static Optional<RelayEnvironment> selectedEnvironment(ConsoleContext context) {
        String name = context.selectedEnvironmentProperty().get();
        return name == null ? Optional.empty() : runtime(context).flatMap(r -> r.relay().environment(name));
    }

    /** The built-in upstream, when the relay uses it. */
    public static Optional<FlagSimulator> simulator(ConsoleContext context) {
        return runtime(context).flatMap(RelayRuntime::simulator);
    }

    /** The built-in upstream's copy of the selected environment (same SDK key), when there is one. */
    public static Optional<SimulatedEnvironment> simulatedEnvironment(ConsoleContext context) {
        return simulator(context).flatMap(sim -> selectedEnvironment(context)
                .flatMap(env -> sim.findEnvironment(env.config().sdkKey())));
    }
}
