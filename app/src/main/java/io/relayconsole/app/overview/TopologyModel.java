package io.relayconsole.app.overview;

import io.relayconsole.app.ui.RateWindow;
import io.relayconsole.app.ui.RingBuffer;
import io.relayconsole.metrics.MeterSnapshot;
import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.relay.RelayEvent;
import io.relayconsole.relay.RelaySnapshot;
import io.relayconsole.store.StoreStatus;
import io.relayconsole.upstream.DataSourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The live topology of one environment: upstream → relay ↔ store, relay → SDKs. Each node has a status in
 * words; three sparklines keep a fixed history (updates per second, store latency, connected SDKs); each edge
 * has a pulse counter that goes up when data flowed along it during a tick. Sampling pauses while hidden.
 */
public final class TopologyModel {
    public static final int HISTORY = 120;

    private final ReadOnlyObjectWrapper<NodeStatus> upstream = new ReadOnlyObjectWrapper<>(NodeStatus.idle("starting"));
    private final ReadOnlyObjectWrapper<NodeStatus> relay = new ReadOnlyObjectWrapper<>(NodeStatus.idle("starting"));
    private final ReadOnlyObjectWrapper<NodeStatus> store = new ReadOnlyObjectWrapper<>(NodeStatus.idle("starting"));
    private final ReadOnlyObjectWrapper<NodeStatus> sdks = new ReadOnlyObjectWrapper<>(NodeStatus.idle("starting"));
    private final RingBuffer updatesPerSecond = new RingBuffer(HISTORY);
    private final RingBuffer storeLatency = new RingBuffer(HISTORY);
    private final RingBuffer connectedSdks = new RingBuffer(HISTORY);
    private final RingBuffer sendsPerSecond = new RingBuffer(HISTORY);
    private final RateWindow updateRate = new RateWindow(5);
    private final RateWindow sendRate = new RateWindow(5);
    private final ReadOnlyLongWrapper samples = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper upstreamPulses = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper storePulses = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper sdkPulses = new ReadOnlyLongWrapper();
    // SDK events the relay forwards flow back up the upstream edge, against the flag data.
    private final ReadOnlyLongWrapper eventPulses = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<NodeStatus> eventFlow = new ReadOnlyObjectWrapper<>(
            new NodeStatus(NodeStatus.Level.IDLE, "", ""));
    private final RateWindow eventRate = new RateWindow(5);
    private final ReadOnlyObjectWrapper<Integer> sdkCount = new ReadOnlyObjectWrapper<>(0);
    private final ReadOnlyObjectWrapper<TopologyHighlight> highlight = new ReadOnlyObjectWrapper<>();
    private String environment;
    private long lastEventsSent = -1;
    private boolean paused;

    /** Applies one tick for {@code environmentName}; switching environment restarts the history. */
    public void apply(RelaySnapshot snapshot, String environmentName) {
        EnvironmentSnapshot env = snapshot.environments().stream()
                .filter(e -> e.name().equals(environmentName)).findFirst()
                .orElse(snapshot.environments().isEmpty() ? null : snapshot.environments().get(0));
        if (env == null) {
            return;
        }
        if (!env.name().equals(environment)) {
            environment = env.name();
            updatesPerSecond.clear();
            storeLatency.clear();
            connectedSdks.clear();
            sendsPerSecond.clear();
            updateRate.clear();
            sendRate.clear();
            eventRate.clear();
            lastEventsSent = -1;
        }
        Instant now = snapshot.time();
        // The engine's meters, so these figures are the ones Prometheus and Grafana show.
        MeterSnapshot.EnvironmentMeters meters = snapshot.meters().environment(env.name());
        long eventsSent = meters.streamEvents();
        int connected = (int) meters.sdkConnections();
        double rate = updateRate.add(now, env.updatesReceived());
        // Connections come and go, so their sum can drop: the rate only counts growth between ticks.
        double sends = sendRate.add(now, eventsSent);
        if (lastEventsSent >= 0 && eventsSent > lastEventsSent) {
            sdkPulses.set(sdkPulses.get() + 1);
        }
        lastEventsSent = eventsSent;

        upstream.set(upstreamStatus(env.dataSource(), now, rate));
        eventFlow.set(eventFlow(env.events(), eventRate.add(now, env.events().forwarded())));
        relay.set(relayStatus(env));
        store.set(storeStatus(env, now));
        sdkCount.set(connected);
        sdks.set(connected == 0 ? new NodeStatus(NodeStatus.Level.IDLE, "none connected",
                "on port " + snapshot.port())
                : new NodeStatus(NodeStatus.Level.OK, connected + " connected",
                clientSideBreakdown(snapshot.connections(), env.name())
                        + String.format("%d events sent · %.1f/s", eventsSent, sends)));
        if (!paused) {
            updatesPerSecond.add(rate);
            StoreStatus ss = env.storeStatus();
            storeLatency.add(ss == null || ss.lastLatencyMillis() < 0 ? 0 : ss.lastLatencyMillis());
            connectedSdks.add(connected);
            sendsPerSecond.add(sends);
            samples.set(samples.get() + 1);
        }
    }

    /**
     * "2 browser · 1 mobile · " for the environment's client-side and mobile streams (by their routes: /eval and
     * /ping, /meval and /mping), empty when there are none, so server-only relays read as before.
     */
    static String clientSideBreakdown(List<io.relayconsole.serving.SdkConnectionInfo> connections, String env) {
        int browser = 0;
        int mobile = 0;
        for (io.relayconsole.serving.SdkConnectionInfo c : connections) {
            if (!env.equals(c.environment()) || c.path() == null) {
                continue;
            }
            if (c.path().startsWith("/eval/") || c.path().startsWith("/ping/")) {
                browser++;
            } else if (c.path().startsWith("/meval") || c.path().startsWith("/mping")) {
                mobile++;
            }
        }
        return (browser > 0 ? browser + " browser \u00b7 " : "") + (mobile > 0 ? mobile + " mobile \u00b7 " : "");
    }

    /** Counts data flows of the current environment in one tick's events. */
    public void applyEvents(List<RelayEvent> events) {
        if (environment == null) {
            return;
        }
        boolean fromUpstream = false;
        boolean storeAccess = false;
        boolean toSdks = false;
        boolean eventsUp = false;
        for (RelayEvent e : events) {
            if (e instanceof RelayEvent.EventsDelivered d && d.environment().equals(environment)) {
                eventsUp = true;
            }
            if (e instanceof RelayEvent.FullDataReceived f && f.environment().equals(environment)
                    || e instanceof RelayEvent.ItemReceived i && i.environment().equals(environment)) {
                fromUpstream = true;
            } else if (e instanceof RelayEvent.StoreAccessed s && s.environment().equals(environment)) {
                storeAccess = true;
            } else if (e instanceof RelayEvent.RequestServed r && environment.equals(r.request().environment())
                    && r.request().status() < 400) {
                toSdks = true;
            }
        }
        if (fromUpstream) {
            upstreamPulses.set(upstreamPulses.get() + 1);
        }
        if (storeAccess) {
            storePulses.set(storePulses.get() + 1);
        }
        if (toSdks) {
            sdkPulses.set(sdkPulses.get() + 1);
        }
        if (eventsUp) {
            eventPulses.set(eventPulses.get() + 1);
        }
    }

    /** The upstream edge's label: forwarded events per second, and whether the last posts failed. */
    static NodeStatus eventFlow(io.relayconsole.events.EventStats stats, double forwardedPerSecond) {
        if (!stats.enabled()) {
            return new NodeStatus(NodeStatus.Level.IDLE, "events: off", "");
        }
        String rate = String.format("events \u2191 %.1f/s", forwardedPerSecond);
        boolean failing = stats.lastErrorTime() != null
                && (stats.lastDelivery() == null || stats.lastErrorTime().isAfter(stats.lastDelivery()));
        String counts = stats.forwarded() + " forwarded" + (stats.failed() > 0 ? " \u00b7 " + stats.failed()
                + " failed" : "") + (stats.dropped() > 0 ? " \u00b7 " + stats.dropped() + " dropped" : "");
        return new NodeStatus(failing ? NodeStatus.Level.ERROR : stats.forwarded() > 0 ? NodeStatus.Level.OK
                : NodeStatus.Level.IDLE, rate, counts);
    }

    /** Sets every node at once, for a topology fed by something other than snapshots ({@link PresentedTopology}). */
    void show(NodeStatus upstreamStatus, NodeStatus relayStatus, NodeStatus storeStatus, NodeStatus sdksStatus,
              int sdkCountNow, TopologyHighlight lit) {
        upstream.set(upstreamStatus);
        relay.set(relayStatus);
        store.set(storeStatus);
        sdks.set(sdksStatus);
        sdkCount.set(sdkCountNow);
        highlight.set(lit);
    }

    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    public boolean paused() {
        return paused;
    }

    static NodeStatus upstreamStatus(DataSourceStatus ds, Instant now, double rate) {
        String rateText = String.format("%.1f updates/s", rate);
        String error = ds.lastError() == null ? "" : ds.lastError().message();
        long since = ds.stateSince() == null ? 0 : Math.max(0, Duration.between(ds.stateSince(), now).toSeconds());
        return switch (ds.state()) {
            case VALID -> new NodeStatus(NodeStatus.Level.OK, "connected", rateText);
            case INITIALIZING -> new NodeStatus(NodeStatus.Level.WARN, "connecting for " + since + " s",
                    error.isEmpty() ? "attempt " + ds.attempt() : error);
            case INTERRUPTED -> new NodeStatus(NodeStatus.Level.ERROR, "interrupted for " + since + " s", error);
            case OFF -> new NodeStatus(NodeStatus.Level.ERROR, "off", error);
        };
    }

    static NodeStatus relayStatus(EnvironmentSnapshot env) {
        String data = env.flagCount() + " flags · " + env.segmentCount() + " segments";
        if (!env.running()) {
            return new NodeStatus(NodeStatus.Level.IDLE, "stopped (503)", data);
        }
        return switch (env.readiness()) {
            case READY -> new NodeStatus(NodeStatus.Level.OK, "serving", data);
            case NOT_READY -> new NodeStatus(NodeStatus.Level.ERROR, "refusing SDKs (503)", data);
            case REJECTED -> new NodeStatus(NodeStatus.Level.ERROR, "key rejected (401)", data);
        };
    }

    static NodeStatus storeStatus(EnvironmentSnapshot env, Instant now) {
        if (!env.store().isPersistent()) {
            return new NodeStatus(NodeStatus.Level.IDLE, "in-memory", "no persistent store");
        }
        StoreStatus s = env.storeStatus();
        String cache = env.cache() == null ? "" : "cache " + env.cache().describe();
        if (s == null) {
            return new NodeStatus(NodeStatus.Level.IDLE, env.store().database(), cache);
        }
        if (!s.available()) {
            long since = s.since() == null ? 0 : Math.max(0, Duration.between(s.since(), now).toSeconds());
            return new NodeStatus(NodeStatus.Level.ERROR, "unavailable for " + since + " s", cache);
        }
        String latency = s.lastLatencyMillis() < 0 ? "" : String.format("%.1f ms · ", s.lastLatencyMillis());
        return new NodeStatus(s.refreshing() ? NodeStatus.Level.WARN : NodeStatus.Level.OK,
                s.refreshing() ? "refreshing" : "available", latency + cache);
    }

    public ReadOnlyObjectProperty<NodeStatus> upstreamProperty() {
        return upstream.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NodeStatus> relayProperty() {
        return relay.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NodeStatus> storeProperty() {
        return store.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NodeStatus> sdksProperty() {
        return sdks.getReadOnlyProperty();
    }

    /** The element a presenter's current step lights; null when nothing is lit (always, on the Overview). */
    public ReadOnlyObjectProperty<TopologyHighlight> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> sdkCountProperty() {
        return sdkCount.getReadOnlyProperty();
    }

    /** Goes up once per sample taken, so sparklines know when to redraw. */
    public ReadOnlyLongProperty samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty upstreamPulsesProperty() {
        return upstreamPulses.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty eventPulsesProperty() {
        return eventPulses.getReadOnlyProperty();
    }

    /** Event forwarding on the upstream edge: rate in {@code text}, counts in {@code detail}. */
    public ReadOnlyObjectProperty<NodeStatus> eventFlowProperty() {
        return eventFlow.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty storePulsesProperty() {
        return storePulses.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty sdkPulsesProperty() {
        return sdkPulses.getReadOnlyProperty();
    }

    public RingBuffer updatesPerSecond() {
        return updatesPerSecond;
    }

    public RingBuffer storeLatency() {
        return storeLatency;
    }

    public RingBuffer sendsPerSecond() {
        return sendsPerSecond;
    }

    public RingBuffer connectedSdks() {
        return connectedSdks;
    }

    public String environment() {
        return environment;
    }
}
