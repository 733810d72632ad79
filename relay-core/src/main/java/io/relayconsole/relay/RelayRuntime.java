package io.relayconsole.relay;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.offline.ArchiveException;
import io.relayconsole.offline.OfflineMode;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.SimulatedEnvironment;
import io.relayconsole.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A relay as an operator runs it: the relay itself and, when the configuration enables it, the built-in upstream
 * it connects to (seeded with the sample flags for every configured SDK key, or serving a workspace), or, in
 * offline mode, the environments of an ld-relay archive. The CLI and the console both start the engine through
 * this class so they behave the same.
 */
public final class RelayRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayRuntime.class);

    private final FlagSimulator simulator;
    private final Relay relay;
    private final OfflineMode offline;
    private volatile Workspace workspace;

    private RelayRuntime(FlagSimulator simulator, Relay relay, OfflineMode offline, Workspace workspace) {
        this.simulator = simulator;
        this.relay = relay;
        this.offline = offline;
        this.workspace = workspace;
    }

    /** Starts the simulator (if enabled) and then the relay; returns once the SDK port is bound. */
    public static RelayRuntime start(RelayConfig config, RelayOptions options) throws InterruptedException {
        FlagSimulator simulator = null;
        OfflineMode offline = null;
        Workspace workspace = null;
        RelayConfig effective = config;
        RelayOptions effectiveOptions = options;
        try {
            if (config.offline().enabled()) {
                offline = OfflineMode.open(config.offline());
                // The archive is the upstream: logs and /status then name the file, not LaunchDarkly.
                URI archive = offline.file().toUri();
                effective = config.withEnvironments(offline.environments())
                        .withMain(config.main().withUpstream(archive, archive));
                effectiveOptions = options.offline(offline.dataSourceFactory());
            } else if (config.simulator().enabled()) {
                simulator = new FlagSimulator();
                String path = config.simulator().workspace();
                for (EnvironmentConfig env : config.environments()) {
                    simulator.addEnvironment(env.sdkKey());
                }
                if (path != null && !path.isBlank()) {
                    workspace = openWorkspace(simulator, config, Path.of(path));
                }
                simulator.start(config.simulator().port());
                effective = config.withSimulatorAt(simulator.baseUri());
                LOG.info("Built-in upstream listening on {}", simulator.baseUri());
            }
            Relay relay = new Relay(effective, effectiveOptions);
            if (workspace != null) {
                publishTo(relay, workspace);
            }
            relay.start();
            return new RelayRuntime(simulator, relay, offline, workspace);
        } catch (ArchiveException e) {
            throw new IllegalStateException("Offline mode cannot start: " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(simulator, offline, workspace);
            throw new UncheckedIOException("Could not start the built-in upstream: " + e.getMessage(), e);
        } catch (RuntimeException | InterruptedException e) {
            closeQuietly(simulator, offline, workspace);
            throw e;
        }
    }

    /**
     * Serves the workspace at {@code path} from the built-in upstream: its files replace the sample data (a file
     * that does not exist yet is created from it). The previous workspace, if any, is closed; nothing is lost,
     * since every edit was saved to it.
     */
    public synchronized Workspace switchWorkspace(Path path) throws IOException {
        FlagSimulator sim = simulator().orElseThrow(() ->
                new IllegalStateException("the relay does not run the built-in upstream"));
        Workspace previous = workspace;
        if (previous != null) {
            previous.close();
        }
        workspace = openWorkspace(sim, relay.config(), path);
        publishTo(relay, workspace);
        return workspace;
    }

    /** Saves, reloads and refused files become relay events, so the Timeline and the console see them. */
    private static void publishTo(Relay relay, Workspace workspace) {
        workspace.addListener(change -> relay.publish(
                new RelayEvent.WorkspaceChanged(change.time(), change.environment(), change)));
    }

    private static Workspace openWorkspace(FlagSimulator simulator, RelayConfig config, Path path) throws IOException {
        Map<String, SimulatedEnvironment> byName = new LinkedHashMap<>();
        for (EnvironmentConfig env : config.environments()) {
            byName.put(env.name(), simulator.environment(env.sdkKey()));
        }
        return Workspace.open(path, byName);
    }

    public Relay relay() {
        return relay;
    }

    /** The workspace the built-in upstream serves, when it serves one. */
    public Optional<Workspace> workspace() {
        return Optional.ofNullable(workspace);
    }

    /** Offline mode's archive, when the relay serves one. */
    public Optional<OfflineMode> offline() {
        return Optional.ofNullable(offline);
    }

    /** The built-in upstream, when this runtime runs one. */
    public Optional<FlagSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    @Override
    public void close() {
        relay.close();
        closeQuietly(workspace, simulator, offline); // the workspace first: a save in progress finishes
    }

    private static void closeQuietly(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    LOG.warn("Closing {} failed", part, e);
                }
            }
        }
    }
}
