package io.relayconsole.relay;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.simulator.FlagSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A relay as an operator runs it: the relay itself and, when the configuration enables it, the built-in upstream
 * it connects to (seeded with the sample flags for every configured SDK key). The CLI and the console both start
 * the engine through this class so they behave the same.
 */
public final class RelayRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayRuntime.class);

    private final FlagSimulator simulator;
    private final Relay relay;

    private RelayRuntime(FlagSimulator simulator, Relay relay) {
        this.simulator = simulator;
        this.relay = relay;
    }

    /** Starts the simulator (if enabled) and then the relay; returns once the SDK port is bound. */
    public static RelayRuntime start(RelayConfig config, RelayOptions options) throws InterruptedException {
        FlagSimulator simulator = null;
        RelayConfig effective = config;
        try {
            if (config.simulator().enabled()) {
                simulator = new FlagSimulator();
                for (EnvironmentConfig env : config.environments()) {
                    simulator.addEnvironment(env.sdkKey());
                }
                simulator.start(config.simulator().port());
                effective = config.withSimulatorAt(simulator.baseUri());
                LOG.info("Built-in upstream listening on {}", simulator.baseUri());
            }
            Relay relay = new Relay(effective, options);
            relay.start();
            return new RelayRuntime(simulator, relay);
        } catch (IOException e) {
            closeQuietly(simulator);
            throw new UncheckedIOException("Could not start the built-in upstream: " + e.getMessage(), e);
        } catch (RuntimeException | InterruptedException e) {
            closeQuietly(simulator);
            throw e;
        }
    }

    public Relay relay() {
        return relay;
    }

    /** The built-in upstream, when this runtime runs one. */
    public Optional<FlagSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    @Override
    public void close() {
        relay.close();
        closeQuietly(simulator);
    }

    private static void closeQuietly(FlagSimulator simulator) {
        if (simulator != null) {
            simulator.close();
        }
    }
}
