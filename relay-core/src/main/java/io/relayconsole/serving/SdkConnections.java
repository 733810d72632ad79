package io.relayconsole.serving;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The registry of connected SDK streams across all environments. Thread-safe. */
public final class SdkConnections {
    private final Map<Long, SdkConnection> live = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong totalConnected = new AtomicLong();
    private final Clock clock;
    private final ServingListener listener;

    public SdkConnections(Clock clock, ServingListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /** Registers a new stream; {@code disconnector} closes it when an operator asks. */
    public SdkConnection register(SdkConnection.ConnectionRequest request, Runnable disconnector) {
        SdkConnection connection = new SdkConnection(nextId.getAndIncrement(), request, disconnector, clock);
        live.put(connection.id(), connection);
        totalConnected.incrementAndGet();
        listener.sdkConnected(connection.info());
        return connection;
    }

    public void unregister(SdkConnection connection) {
        if (live.remove(connection.id()) != null) {
            listener.sdkDisconnected(connection.info());
        }
    }

    /** Closes one SDK's stream; false if no such connection is open. */
    public boolean disconnect(long id) {
        SdkConnection connection = live.get(id);
        if (connection == null) {
            return false;
        }
        connection.disconnect();
        return true;
    }

    public int count() {
        return live.size();
    }

    public int count(String environment) {
        int n = 0;
        for (SdkConnection c : live.values()) {
            if (c.environment().equals(environment)) {
                n++;
            }
        }
        return n;
    }

    /** Streams opened since start, closed ones included. */
    public long totalConnected() {
        return totalConnected.get();
    }

    public List<SdkConnectionInfo> snapshot() {
        List<SdkConnectionInfo> list = new ArrayList<>(live.size());
        for (SdkConnection c : live.values()) {
            list.add(c.info());
        }
        list.sort((a, b) -> Long.compare(a.id(), b.id()));
        return list;
    }
}
