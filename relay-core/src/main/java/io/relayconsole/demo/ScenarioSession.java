package io.relayconsole.demo;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.EventsConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.SimulatedEnvironment;
import io.relayconsole.simulator.UpstreamFault;
import io.relayconsole.timeline.Timeline;
import io.relayconsole.timeline.TimelineRecorder;
import io.relayconsole.upstream.DataSourceState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Everything one scenario runs: the built-in upstream, the store, a relay (with its recorder) and the demo
 * SDKs; all closed together.
 */
final class ScenarioSession implements AutoCloseable {
    static final String ENVIRONMENT = "production";
    static final String SDK_KEY = "sdk-00000000-0000-4000-8000-00000000demo";
    /** The environment's client-side ID, for the browser SDK's evalx requests. */
    static final String CLIENT_SIDE_ID = "00000000000000000000demo";

    private final ScenarioStore store;
    private final StepWaiter waiter;
    private final FlagSimulator upstream = new FlagSimulator();
    private final List<DemoSdk> sdks = new ArrayList<>();
    private final List<Relay> otherRelays = new ArrayList<>();
    private FaultProxy upstreamPath;
    private Relay relay;
    private TimelineRecorder recorder;
    private EventsConfig events = EventsConfig.defaults();
    private Duration bigSegmentsStaleThreshold; // null: the configuration's default, not degrading

    ScenarioSession(ScenarioStore store, ScenarioProgress progress, BooleanSupplier cancelled) throws IOException {
        this.store = store;
        this.waiter = new StepWaiter(progress, cancelled);
        upstream.addEnvironment(SDK_KEY);
        upstream.start(0);
    }

    /**
     * Relays started from now on forward SDK events to the built-in upstream, flushing every {@code flushInterval}
     * and holding at most {@code capacity} events.
     */
    void forwardEvents(Duration flushInterval, int capacity) {
        events = new EventsConfig(true, upstream.baseUri(), flushInterval, capacity, false, 0);
    }

    /** Relays started from now on call big segments stale after {@code threshold}, and report themselves degraded. */
    void staleBigSegmentsAfter(Duration threshold) {
        bigSegmentsStaleThreshold = threshold;
    }

    StepWaiter steps() {
        return waiter;
    }

    /** Starts a relay (closing any earlier one), recording its timeline when {@code record}. */
    void startRelay(Duration cacheTtl, Duration initTimeout, Duration firstRetryDelay, boolean record)
            throws InterruptedException {
        closeRelay();
        relay = newRelay(upstreamPath == null ? upstream.port() : upstreamPath.port(), store, cacheTtl, initTimeout,
                firstRetryDelay);
        if (record) {
            recorder = TimelineRecorder.attachTo(relay);
            recorder.addListener(waiter);
        }
        relay.start();
    }

    private Relay newRelay(int upstreamPort, ScenarioStore database, Duration cacheTtl, Duration initTimeout,
                           Duration firstRetryDelay) {
        MainConfig main = MainConfig.defaults().withPort(0)
                .withUpstream(atPort(upstream.streamUri(), upstreamPort), atPort(upstream.baseUri(), upstreamPort))
                .withTimings(initTimeout, Duration.ofMinutes(3));
        if (bigSegmentsStaleThreshold != null) {
            main = main.withBigSegmentsStaleness(true, bigSegmentsStaleThreshold);
        }
        return new Relay(new RelayConfig(main, events, List.of(new EnvironmentConfig(ENVIRONMENT, SDK_KEY, null,
                CLIENT_SIDE_ID, null, null, List.of(), List.of(), false, null, Duration.ZERO, null))),
                RelayOptions.builder().cacheTtl(cacheTtl).storeFactory(e -> database.connect())
                        .initialReconnectDelay(firstRetryDelay).bindAddress("127.0.0.1").build());
    }

    private static URI atPort(URI uri, int port) {
        try {
            return new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), port, uri.getPath(), uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * From now on the recorded relay reaches LaunchDarkly through the returned proxy, so it alone can be cut off
     * while other relays stay connected.
     */
    FaultProxy ownUpstreamPath() {
        if (upstreamPath == null) {
            try {
                upstreamPath = FaultProxy.start("127.0.0.1", upstream.port());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the upstream fault proxy", e);
            }
        }
        return upstreamPath;
    }

    /**
     * Starts another relay, not recorded, connected straight to LaunchDarkly and reaching the database through
     * {@code path}: the one the document's warning says keeps writing updates to a shared database.
     */
    RelayEnvironment startOtherRelay(ScenarioStore path, Duration cacheTtl) throws InterruptedException {
        Relay other = newRelay(upstream.port(), path, cacheTtl, ScenarioMoves.WARM_INIT_TIMEOUT, ScenarioMoves.FAST_RETRY);
        otherRelays.add(other);
        other.start();
        return other.environment(ENVIRONMENT).orElseThrow();
    }

    SimulatedEnvironment upstreamEnvironment() {
        return upstream.environment(SDK_KEY);
    }

    /** Waits until the relay has its data from upstream and has stored it. */
    void awaitRelayInitialized(Duration timeout) throws InterruptedException {
        RelayEnvironment env = environment();
        waiter.until("the relay is initialized", () -> env.dataSourceStatus().state() == DataSourceState.VALID
                && env.isStoreInitialized(), timeout);
    }

    void closeRelay() {
        if (recorder != null) {
            recorder.close();
            recorder = null;
        }
        if (relay != null) {
            relay.close();
            relay = null;
        }
    }

    /** The recorded relay's SDK port, where it also answers {@code /status} and {@code /health}. */
    int relayPort() {
        return relay.port();
    }

    RelayEnvironment environment() {
        return relay.environment(ENVIRONMENT).orElseThrow();
    }

    /** A demo SDK named {@code name}, created on first use. */
    DemoSdk sdk(String name) {
        for (DemoSdk sdk : sdks) {
            if (sdk.name().equals(name)) {
                return sdk;
            }
        }
        DemoSdk sdk = new DemoSdk(name, relay.port(), SDK_KEY);
        sdks.add(sdk);
        return sdk;
    }

    void note(String participant, String text) {
        recorder.note(ENVIRONMENT, participant, text);
    }

    void upstreamFault(UpstreamFault fault) {
        try {
            upstream.setFault(fault);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void upstreamEventsFault(UpstreamFault fault) {
        upstream.setEventsFault(fault);
    }

    /** Whether LaunchDarkly holds a stream request of the relay's unanswered (a HANG caught it). */
    boolean upstreamHoldsStreamRequest() {
        return upstream.recentRequests().stream().anyMatch(r -> r.path().startsWith("/all") && r.status() == 0);
    }

    ScenarioStore store() {
        return store;
    }

    /**
     * The recorded timeline: up to the last step the scenario waited for when it played through (what the
     * relay does afterwards, such as further retries, is not part of it), else everything so far.
     */
    Timeline window(boolean playedThrough) {
        if (recorder == null) {
            return new Timeline(ENVIRONMENT, List.of(), List.of());
        }
        Timeline all = recorder.snapshot(ENVIRONMENT);
        return playedThrough ? all.between(1, waiter.lastAwaitedSequence()) : all;
    }

    @Override
    public void close() {
        sdks.forEach(DemoSdk::close);
        closeRelay();
        otherRelays.forEach(Relay::close);
        if (upstreamPath != null) {
            upstreamPath.close();
        }
        upstream.close();
        store.bringUp();
        store.close();
    }
}
