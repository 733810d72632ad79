package io.relayconsole.simulator;

import com.sun.net.httpserver.HttpServer;
import io.relayconsole.config.Secrets;
import io.relayconsole.events.EventSink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LaunchDarkly-compatible flag delivery service on the loopback interface: the built-in upstream that the
 * console edits, demos break and tests use. It serves the streaming ({@code GET /all}) and polling
 * ({@code GET /sdk/latest-all} and the legacy item routes) endpoints for several environments, one per SDK
 * key, plus a small admin API ({@code /admin/...}). It also takes SDK events as LaunchDarkly's events service
 * does ({@code POST /bulk}, {@code /diagnostic}, {@code /mobile...}, {@code /events/...}) into {@link #events()}. Faults can be switched on and off at run time.
 *
 * <p>Thread-safe. Uses the JDK's HTTP server with a thread per request, which suits long-lived streams.
 */
public final class FlagSimulator implements AutoCloseable {
    static {
        // The JDK server reads this once, when its first instance is made: without it, Nagle's algorithm delays
        // each small SSE event by up to 40 ms. Set only if the embedding application did not choose.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(FlagSimulator.class);
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(2);
    private static final int RECENT_REQUESTS = 200;
    private static final String MALFORMED_EVENT_DATA = "{\"path\":\"/flags/broken\",\"data\":{\"key\":\"broken\",";

    private final Map<String, SimulatedEnvironment> environments = new ConcurrentHashMap<>();
    private final Deque<SimulatorRequest> recentRequests = new ArrayDeque<>();
    private final Object faultChanged = new Object();
    private final ExecutorService executor;
    private final EventSink events = new EventSink();

    private volatile UpstreamFault fault = UpstreamFault.NONE;
    /** Null: the events endpoints share {@link #fault}. */
    private volatile UpstreamFault eventsFault;
    private volatile Duration slowDelay = DEFAULT_SLOW_DELAY;
    private volatile Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
    private volatile boolean closed;
    private HttpServer server; // guarded by this
    private int port = -1;     // guarded by this; kept while refusing so the same port is used again

    public FlagSimulator() {
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "flag-simulator-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    // ---- lifecycle ----

    /** Listens on 127.0.0.1; {@code port} 0 picks a free one. Returns the bound port. */
    public synchronized int start(int requestedPort) throws IOException {
        if (closed) {
            throw new IllegalStateException("the simulator is closed");
        }
        if (port >= 0) {
            throw new IllegalStateException("already started on port " + port);
        }
        port = requestedPort;
        if (fault != UpstreamFault.REFUSE) {
            listen();
        } else if (requestedPort == 0) {
            throw new IllegalStateException("cannot refuse connections on an ephemeral port that was never bound");
        }
        LOG.info("Flag simulator listening on {}", baseUri());
        return port;
    }

    public synchronized int port() {
        if (port < 0) {
            throw new IllegalStateException("not started");
        }
        return port;
    }

    /** Base URI for streaming ({@code /all} is appended by clients). */
    public URI streamUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Base URI for polling ({@code /sdk/latest-all} is appended by clients). */
    public URI baseUri() {
        return streamUri();
    }

    /** Whether connections are accepted now (false before start, while refusing, after close). */
    public synchronized boolean isListening() {
        return server != null;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopListening();
        }
        disconnectStreams();
        synchronized (faultChanged) {
            faultChanged.notifyAll();
        }
        executor.shutdownNow();
    }

    // ---- environments ----

    /** Adds an environment seeded with the sample flags and segments (see {@link SampleFlags}). */
    public SimulatedEnvironment addEnvironment(String sdkKey) {
        SimulatedEnvironment env = addEmptyEnvironment(sdkKey);
        env.loadSampleData();
        return env;
    }

    /** Adds an environment with no flags or segments. */
    public SimulatedEnvironment addEmptyEnvironment(String sdkKey) {
        if (sdkKey == null || sdkKey.isBlank() || sdkKey.contains(" ")) {
            throw new IllegalArgumentException("an SDK key must be non-empty and contain no spaces");
        }
        SimulatedEnvironment env = new SimulatedEnvironment(sdkKey);
        if (environments.putIfAbsent(sdkKey, env) != null) {
            throw new IllegalArgumentException("environment " + Secrets.mask(sdkKey) + " already exists");
        }
        return env;
    }

    /** Removes an environment; its clients are disconnected and from then on get 401. */
    public boolean removeEnvironment(String sdkKey) {
        SimulatedEnvironment env = environments.remove(sdkKey);
        if (env != null) {
            env.disconnectStreams();
        }
        return env != null;
    }

    /** The environment of an SDK key; throws {@link IllegalArgumentException} if there is none. */
    public SimulatedEnvironment environment(String sdkKey) {
        return findEnvironment(sdkKey)
                .orElseThrow(() -> new IllegalArgumentException("no environment " + Secrets.mask(sdkKey)));
    }

    public Optional<SimulatedEnvironment> findEnvironment(String sdkKey) {
        return sdkKey == null ? Optional.empty() : Optional.ofNullable(environments.get(sdkKey));
    }

    public List<SimulatedEnvironment> environments() {
        List<SimulatedEnvironment> list = new ArrayList<>(environments.values());
        list.sort(Comparator.comparing(SimulatedEnvironment::sdkKey));
        return list;
    }

    // ---- faults ----

    /**
     * Switches to a fault (or back to {@link UpstreamFault#NONE}). Every fault but SLOW also drops live streams
     * at once, so clients meet it when they reconnect. REFUSE stops listening; leaving it listens again on the
     * same port.
     */
    public void setFault(UpstreamFault newFault) throws IOException {
        UpstreamFault previous;
        synchronized (this) {
            previous = fault;
            fault = newFault;
            if (port >= 0 && !closed) {
                if (newFault == UpstreamFault.REFUSE) {
                    stopListening();
                } else if (server == null) {
                    listen();
                }
            }
        }
        if (newFault.dropsLiveStreams()) {
            disconnectStreams();
        }
        synchronized (faultChanged) {
            faultChanged.notifyAll();
        }
        if (previous != newFault) {
            LOG.info("Flag simulator fault: {}", newFault);
        }
    }

    public UpstreamFault fault() {
        return fault;
    }

    /**
     * LaunchDarkly's events service is a host of its own: a fault for the event endpoints alone (HANG, HTTP_503,
     * HTTP_401, SLOW or NONE), or null to let them share {@link #setFault}'s again. A hanging post is released
     * when this fault changes.
     */
    public void setEventsFault(UpstreamFault newFault) {
        if (newFault == UpstreamFault.REFUSE || newFault == UpstreamFault.DROP_MID_EVENT) {
            throw new IllegalArgumentException(newFault + " applies to the whole simulator, not its events alone");
        }
        eventsFault = newFault;
        synchronized (faultChanged) {
            faultChanged.notifyAll();
        }
    }

    /** The fault a request meets: the events fault for event posts when one is set. */
    UpstreamFault faultFor(boolean eventsRequest) {
        UpstreamFault own = eventsFault;
        return eventsRequest && own != null ? own : fault;
    }

    /** How long SLOW delays each response and event. */
    public void setSlowDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the slow delay cannot be negative");
        }
        slowDelay = delay;
    }

    public Duration slowDelay() {
        return slowDelay;
    }

    /** How often an idle stream gets a comment line; applies to streams opened afterwards. */
    public void setHeartbeatInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the heartbeat interval must be positive");
        }
        heartbeatInterval = interval;
    }

    Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    // ---- streams ----

    /** Ends every live stream of every environment; clients reconnect (and get a fresh {@code put}). */
    public void disconnectStreams() {
        for (SimulatedEnvironment env : environments.values()) {
            env.disconnectStreams();
        }
    }

    public int connectedStreamCount() {
        int count = 0;
        for (SimulatedEnvironment env : environments.values()) {
            count += env.streamCount();
        }
        return count;
    }

    /** Sends an event exactly as given (unchecked) to every live stream. */
    public void injectStreamEvent(String event, String data) {
        if (event.contains("\n") || data.contains("\n")) {
            throw new IllegalArgumentException("event name and data must be single lines");
        }
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        for (SimulatedEnvironment env : environments.values()) {
            env.sendRaw(event, bytes);
        }
    }

    /** Sends a {@code patch} whose data is cut-off JSON to every live stream. */
    public void injectMalformedEvent() {
        injectStreamEvent("patch", MALFORMED_EVENT_DATA);
    }

    // ---- events ----

    /** What SDKs (through the relay) sent: counts and recent payload summaries, no contents. */
    public EventSink events() {
        return events;
    }

    // ---- request log ----

    /** The latest requests answered (oldest first, at most 200). */
    public List<SimulatorRequest> recentRequests() {
        synchronized (recentRequests) {
            return List.copyOf(recentRequests);
        }
    }

    void record(SimulatorRequest request) {
        synchronized (recentRequests) {
            if (recentRequests.size() == RECENT_REQUESTS) {
                recentRequests.removeFirst();
            }
            recentRequests.addLast(request);
        }
    }

    // ---- for the handler ----

    boolean isClosed() {
        return closed;
    }

    /** Blocks a HANG request until the fault changes or the simulator closes. */
    void awaitHangReleased(boolean eventsRequest) throws InterruptedException {
        synchronized (faultChanged) {
            while (faultFor(eventsRequest) == UpstreamFault.HANG && !closed) {
                faultChanged.wait();
            }
        }
    }

    private void listen() throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        created.createContext("/", new SimulatorHttpHandler(this));
        created.setExecutor(executor);
        created.start();
        server = created;
        port = created.getAddress().getPort();
    }

    private void stopListening() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
