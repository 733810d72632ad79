package io.relayconsole.demo;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.EventsConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.UpstreamFault;
import io.relayconsole.timeline.Timeline;
import io.relayconsole.timeline.TimelineRecorder;
import io.relayconsole.upstream.DataSourceState;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final ScenarioStore store;
    private final StepWaiter waiter;
    private final FlagSimulator upstream = new FlagSimulator();
    private final List<DemoSdk> sdks = new ArrayList<>();
    private Relay relay;
    private TimelineRecorder recorder;
    private EventsConfig events = EventsConfig.defaults();

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

    StepWaiter steps() {
        return waiter;
    }

    /** Starts a relay (closing any earlier one), recording its timeline when {@code record}. */
    void startRelay(Duration cacheTtl, Duration initTimeout, Duration firstRetryDelay, boolean record)
            throws InterruptedException {
        closeRelay();
        MainConfig main = MainConfig.defaults().withPort(0).withUpstream(upstream.streamUri(), upstream.baseUri())
                .withTimings(initTimeout, Duration.ofMinutes(3));
        relay = new Relay(new RelayConfig(main, events, List.of(EnvironmentConfig.of(ENVIRONMENT, SDK_KEY))),
                RelayOptions.builder().cacheTtl(cacheTtl).storeFactory(e -> store.connect())
                        .initialReconnectDelay(firstRetryDelay).bindAddress("127.0.0.1").build());
        if (record) {
            recorder = TimelineRecorder.attachTo(relay);
            recorder.addListener(waiter);
        }
        relay.start();
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
        upstream.close();
        store.bringUp();
        store.close();
    }
}
