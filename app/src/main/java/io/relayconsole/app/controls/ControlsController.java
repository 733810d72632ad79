package io.relayconsole.app.controls;

import io.relayconsole.backends.ProxyRoute;
import io.relayconsole.backends.StoreBackends;
import io.relayconsole.backends.StoreSettings;
import io.relayconsole.store.DataStore;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.Engine;
import io.relayconsole.app.ui.ResultText;
import io.relayconsole.demo.FaultProxy;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.UpstreamFault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the Controls screen's buttons do. Every action runs through {@link ConsoleContext#run} (off the FX
 * thread) and reports in the model's message line. Owns the demo Redis and the demo SDKs, and closes them.
 */
public final class ControlsController implements AutoCloseable {
    private static final Duration DEMO_CACHE_TTL = Duration.ofSeconds(30);

    private final ConsoleContext context;
    private final ControlsViewModel model;
    private final DemoSdks sdks = new DemoSdks();
    private volatile DemoRedis redis;
    private volatile StoreOutage storeOutage;
    private volatile FaultProxyOutage faultProxy;

    public ControlsController(ConsoleContext context, ControlsViewModel model) {
        this.context = context;
        this.model = model;
    }

    /** Called each tick on the FX thread: in-memory reads only. */
    public void refresh() {
        model.upstream(Engine.simulator(context).map(FlagSimulator::fault).orElse(null));
        DemoRedis r = redis;
        model.redisLaunchedProperty().set(r != null);
        model.redisRunningProperty().set(r != null && r.isRunning());
        if (r != null) {
            model.redisStatusProperty().set("Demo store: " + r.description() + (r.isRunning() ? ", running"
                    : ", STOPPED: the relay cannot reach its store"));
        }
        model.sdks(sdks.rows());
        FaultProxyOutage p = faultProxy;
        model.faultProxy(p == null ? null : p.description() + ": " + p.state(), p == null ? null : p.proxyState());
    }

    /** Plugs in another way to take the store down (e.g. a TCP fault proxy); the demo Redis sets its own. */
    public void useStoreOutage(StoreOutage outage) {
        this.storeOutage = outage;
    }

    public Optional<StoreOutage> storeOutage() {
        return Optional.ofNullable(storeOutage);
    }

    // ---- upstream outage (built-in upstream only) ----

    public void bringUpstreamBack() {
        setUpstreamFault(UpstreamFault.NONE);
    }

    public void setUpstreamFault(UpstreamFault fault) {
        Optional<FlagSimulator> simulator = Engine.simulator(context);
        if (simulator.isEmpty()) {
            model.messageProperty().set("The relay uses a real upstream; only the built-in upstream can be taken down.");
            return;
        }
        String what = fault == UpstreamFault.NONE ? "Upstream is back" : "Upstream is now " + ControlsViewModel.describe(fault);
        run(() -> {
            try {
                simulator.get().setFault(fault);
            } catch (IOException e) {
                throw new UncheckedIOException("could not change the upstream: " + e.getMessage(), e);
            }
            return what;
        });
    }

    // ---- store outage ----

    /** Launches redis-server and switches the selected environment to it. */
    public void launchDemoRedis() {
        Optional<RelayEnvironment> env = Engine.selectedEnvironment(context);
        if (env.isEmpty()) {
            model.messageProperty().set("No environment selected: the relay has not started yet.");
            return;
        }
        if (DemoRedis.findProgram().isEmpty()) {
            model.messageProperty().set("\u2716 redis-server is not installed, so the console cannot start one. "
                    + "Install it (Debian/Ubuntu: sudo apt-get install redis-server) and try again.");
            return;
        }
        run(() -> {
            DemoRedis launched = redis != null ? redis : DemoRedis.launch();
            redis = launched;
            storeOutage = launched;
            DataStore store = StoreBackends.create(StoreSettings.Redis.at(launched.url(), env.get().name()));
            return "Started " + launched.description() + ". "
                    + ResultText.of(env.get().store().switchTo(store, DEMO_CACHE_TTL));
        });
    }

    public void takeStoreDown() {
        StoreOutage outage = storeOutage;
        if (outage == null) {
            model.messageProperty().set("Start a local Redis for the demo first.");
            return;
        }
        run(() -> {
            outage.takeDown();
            return "Took the store down (" + outage.description() + ")";
        });
    }

    public void bringStoreBack() {
        StoreOutage outage = storeOutage;
        if (outage == null) {
            model.messageProperty().set("Start a local Redis for the demo first.");
            return;
        }
        run(() -> {
            outage.bringBack();
            return "Brought the store back (" + outage.description() + ")";
        });
    }

    // ---- store outage through the fault proxy ----

    /** Starts a fault proxy in front of the selected environment's store server and switches the store to it. */
    public void putFaultProxyInFront() {
        Optional<RelayEnvironment> env = Engine.selectedEnvironment(context);
        if (env.isEmpty()) {
            model.messageProperty().set("No environment selected: the relay has not started yet.");
            return;
        }
        run(() -> {
            ProxyRoute target = ProxyRoute.of(env.get().store().backend());
            FaultProxy proxy;
            try {
                proxy = FaultProxy.start(target.targetHost(), target.targetPort());
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the fault proxy: " + e.getMessage(), e);
            }
            FaultProxyOutage outage = new FaultProxyOutage(proxy, target.targetHost() + ":" + target.targetPort());
            Duration ttl = env.get().store().freshness().ttl();
            String switched;
            try {
                switched = ResultText.of(env.get().store().switchTo(target.through(proxy.host(), proxy.port()),
                        ttl == null ? DEMO_CACHE_TTL : ttl));
            } catch (RuntimeException e) {
                outage.close();
                throw e;
            }
            FaultProxyOutage previous = faultProxy;
            faultProxy = outage;
            useStoreOutage(outage);
            if (previous != null) {
                previous.close();
            }
            return "Started " + outage.description() + ". " + switched;
        });
    }

    public void cutFaultProxy() {
        withFaultProxy(p -> {
            p.takeDown();
            return "Cut the store off (" + p.description() + ")";
        });
    }

    public void addFaultProxyLatency(Duration latency) {
        withFaultProxy(p -> {
            p.addLatency(latency);
            return "The store answers " + latency.toMillis() + " ms slower each way (" + p.description() + ")";
        });
    }

    public void passFaultProxy() {
        withFaultProxy(p -> {
            p.bringBack();
            return "The store is reachable again (" + p.description() + ")";
        });
    }

    private void withFaultProxy(java.util.function.Function<FaultProxyOutage, String> action) {
        FaultProxyOutage p = faultProxy;
        if (p == null) {
            model.messageProperty().set("Put a fault proxy in front of the store first.");
            return;
        }
        run(() -> action.apply(p));
    }

    // ---- demo SDKs ----

    public void attachSdk() {
        Optional<RelayEnvironment> env = Engine.selectedEnvironment(context);
        if (env.isEmpty() || Engine.runtime(context).isEmpty()) {
            model.messageProperty().set("No environment selected: the relay has not started yet.");
            return;
        }
        String flag = model.flagKeyProperty().get() == null ? "" : model.flagKeyProperty().get().trim();
        if (flag.isEmpty()) {
            model.messageProperty().set("Type the key of a flag for the demo SDK to evaluate.");
            return;
        }
        URI relay = URI.create("http://127.0.0.1:" + Engine.runtime(context).get().relay().port());
        run(() -> {
            DemoSdk sdk = sdks.attach(env.get().name(), env.get().config().sdkKey(), relay, flag);
            return "Attached " + sdk.name() + " to '" + env.get().name() + "', evaluating " + flag;
        });
    }

    public void detachSdk(String name) {
        run(() -> sdks.detach(name) ? "Detached " + name : name + " was already detached");
    }

    private void run(Supplier<String> action) {
        model.busyProperty().set(true);
        Consumer<String> done = text -> {
            model.busyProperty().set(false);
            model.messageProperty().set(text);
            refresh();
        };
        context.run(action, done, error -> done.accept("\u2716 " + (error.getMessage() == null ? error : error.getMessage())));
    }

    @Override
    public void close() {
        sdks.close();
        FaultProxyOutage p = faultProxy;
        faultProxy = null;
        if (p != null) {
            p.close();
        }
        DemoRedis r = redis;
        if (r != null) {
            r.close();
        }
    }
}
