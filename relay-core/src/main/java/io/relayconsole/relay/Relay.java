package io.relayconsole.relay;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.metrics.PrometheusEndpoint;
import io.relayconsole.metrics.RelayMeters;
import io.relayconsole.server.SdkServer;
import io.relayconsole.server.ServerLimits;
import io.relayconsole.serving.CredentialKind;
import io.relayconsole.serving.RequestLog;
import io.relayconsole.serving.RequestRecord;
import io.relayconsole.serving.SdkConnectionInfo;
import io.relayconsole.serving.SdkConnections;
import io.relayconsole.serving.ServedRelay;
import io.relayconsole.serving.ServingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay engine: its environments, the SDK-facing server, and the observable state the console reads.
 * Embeddable (the console hosts it in-process) and runnable headless ({@code cli.RelayMain}).
 *
 * <p>Observing: {@link #snapshot()} for the current state, {@link #addListener} for events (delivered on the
 * relay's own event thread). Controlling: {@link RelayEnvironment#reconnectUpstream()},
 * {@link #startEnvironment}, {@link #stopEnvironment}, {@link SdkConnections#disconnect}.
 */
public final class Relay implements ServedRelay, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);

    private final RelayConfig config;
    private final RelayOptions options;
    private final Clock clock;
    private final RelayEventBus events = new RelayEventBus();
    private final SdkConnections connections;
    private final RequestLog requests;
    private final ScheduledExecutorService scheduler;
    private final Map<String, RelayEnvironment> byName = new LinkedHashMap<>();
    private final Map<CredentialKind, Map<String, RelayEnvironment>> byCredential = new EnumMap<>(CredentialKind.class);
    private final RelayMeters meters;
    private SdkServer server;
    private volatile PrometheusEndpoint prometheus;
    private volatile int port = -1;

    public Relay(RelayConfig config, RelayOptions options) {
        this.config = config;
        this.options = options;
        this.clock = options.clock();
        ServingListener activity = new ServingEvents();
        this.connections = new SdkConnections(clock, activity);
        this.requests = new RequestLog(RequestLog.DEFAULT_CAPACITY, clock, activity);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relay-scheduler");
            t.setDaemon(true);
            return t;
        });
        for (EnvironmentConfig env : config.environments()) {
            RelayEnvironment environment = new RelayEnvironment(env, config.main(), config.events(), options,
                    scheduler, events, connections);
            byName.put(env.name(), environment);
            index(CredentialKind.SDK_KEY, env.sdkKey(), environment);
            index(CredentialKind.MOBILE_KEY, env.mobileKey(), environment);
            index(CredentialKind.ENVIRONMENT_ID, env.envId(), environment);
        }
        this.meters = options.meters().apply(config);
        List<RelayEnvironment> all = List.copyOf(byName.values());
        meters.registerRelay(all);
        all.forEach(env -> meters.registerEnvironment(env, env::updatesReceived));
        all.forEach(env -> env.store().observe(meters.store(env.name())));
    }

    private void index(CredentialKind kind, String credential, RelayEnvironment environment) {
        if (credential != null && !credential.isBlank()) {
            byCredential.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(credential, environment);
        }
    }

    public Relay(RelayConfig config) {
        this(config, RelayOptions.defaults());
    }

    /** Starts every environment and the SDK server; returns once the port is bound. */
    public synchronized Relay start() throws InterruptedException {
        if (server != null) {
            return this;
        }
        for (RelayEnvironment env : byName.values()) {
            env.start();
        }
        server = new SdkServer(this, ServerLimits.defaults(), meters);
        port = server.start(options.bindAddress(), config.main().port());
        if (config.metrics().prometheus().enabled()) {
            try {
                prometheus = PrometheusEndpoint.start(meters, options.bindAddress(), config.metrics().prometheus().port());
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("Could not serve Prometheus metrics on port "
                        + config.metrics().prometheus().port() + ": " + e.getMessage(), e);
            }
        }
        LOG.info("Relay listening for SDKs on port {} with {} environment(s): {}", port, byName.size(),
                String.join(", ", byName.keySet()));
        return this;
    }

    /** The bound SDK port (useful when the configuration asked for port 0), or -1 before start. */
    public int port() {
        return port;
    }

    /** The Prometheus port when {@code [Prometheus]} is enabled and the relay started, else -1. */
    public int prometheusPort() {
        PrometheusEndpoint p = prometheus;
        return p == null ? -1 : p.port();
    }

    /** The relay's meters (what the exporters publish and {@link RelaySnapshot#meters()} reads). */
    public RelayMeters meters() {
        return meters;
    }

    public RelayConfig config() {
        return config;
    }

    @Override
    public MainConfig main() {
        return config.main();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public List<RelayEnvironment> environments() {
        return Collections.unmodifiableList(new ArrayList<>(byName.values()));
    }

    public Optional<RelayEnvironment> environment(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The environment an SDK key belongs to, or null: the server answers 401 then. */
    @Override
    public RelayEnvironment environmentForSdkKey(String sdkKey) {
        return environmentFor(CredentialKind.SDK_KEY, sdkKey);
    }

    @Override
    public RelayEnvironment environmentFor(CredentialKind kind, String credential) {
        return byCredential.getOrDefault(kind, Map.of()).get(credential);
    }

    @Override
    public SdkConnections connections() {
        return connections;
    }

    @Override
    public RequestLog requests() {
        return requests;
    }

    public void addListener(RelayListener listener) {
        events.addListener(listener);
    }

    public void removeListener(RelayListener listener) {
        events.removeListener(listener);
    }

    /** For parts the runtime adds around the relay (the workspace): their events reach the same listeners. */
    void publish(RelayEvent event) {
        events.publish(event);
    }

    public void startEnvironment(String name) {
        environment(name).orElseThrow(() -> unknown(name)).start();
    }

    /** Stops an environment: its upstream connection closes, its SDK streams are closed, new requests get 503. */
    public void stopEnvironment(String name) {
        RelayEnvironment env = environment(name).orElseThrow(() -> unknown(name));
        env.stop();
        for (SdkConnectionInfo c : connections.snapshot()) {
            if (c.environment().equals(name)) {
                connections.disconnect(c.id());
            }
        }
    }

    public RelaySnapshot snapshot() {
        List<EnvironmentSnapshot> envs = new ArrayList<>(byName.size());
        for (RelayEnvironment env : byName.values()) {
            envs.add(env.snapshot());
        }
        return new RelaySnapshot(clock.instant(), port, envs, connections.snapshot(), connections.totalConnected(),
                events.dropped(), meters.snapshot(List.copyOf(byName.keySet())));
    }

    @Override
    public synchronized void close() {
        if (prometheus != null) {
            prometheus.close();
            prometheus = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
        for (RelayEnvironment env : byName.values()) {
            env.close();
        }
        meters.close();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.close();
        LOG.info("Relay stopped");
    }

    /** What the SDK server did, as relay events. */
    private final class ServingEvents implements ServingListener {
        @Override
        public void sdkConnected(SdkConnectionInfo connection) {
            events.publish(new RelayEvent.SdkConnected(clock.instant(), connection));
        }

        @Override
        public void sdkDisconnected(SdkConnectionInfo connection) {
            events.publish(new RelayEvent.SdkDisconnected(clock.instant(), connection));
        }

        @Override
        public void requestServed(RequestRecord request) {
            events.publish(new RelayEvent.RequestServed(request.time(), request));
        }
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("No environment named \"" + name + "\"");
    }
}
