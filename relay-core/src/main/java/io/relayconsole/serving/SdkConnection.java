package io.relayconsole.serving;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A live SDK stream as the registry tracks it; the server updates the counters as it writes. */
public final class SdkConnection {
    private final long id;
    private final String environment;
    private final String remoteAddress;
    private final String userAgent;
    private final String wrapper;
    private final String tags;
    private final String path;
    private final String contextKind;
    private final String context;
    private final Instant connectedSince;
    private final Runnable disconnector;
    private final Clock clock;
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private volatile Instant lastActivity;

    SdkConnection(long id, ConnectionRequest request, Runnable disconnector, Clock clock) {
        this.id = id;
        this.environment = request.environment();
        this.remoteAddress = request.remoteAddress();
        this.userAgent = request.userAgent();
        this.wrapper = request.wrapper();
        this.tags = request.tags();
        this.path = request.path();
        this.contextKind = request.contextKind();
        this.context = request.context();
        this.disconnector = disconnector;
        this.clock = clock;
        this.connectedSince = clock.instant();
        this.lastActivity = connectedSince;
    }

    public long id() {
        return id;
    }

    public String environment() {
        return environment;
    }

    /** Counts one event (or heartbeat, with {@code countsAsEvent} false) written to the SDK. */
    public void recordSent(long bytes, boolean countsAsEvent) {
        if (countsAsEvent) {
            eventsSent.incrementAndGet();
        }
        bytesSent.addAndGet(bytes);
        lastActivity = clock.instant();
    }

    void disconnect() {
        disconnector.run();
    }

    public SdkConnectionInfo info() {
        return new SdkConnectionInfo(id, environment, remoteAddress, userAgent, wrapper, tags, path,
                SdkConnectionInfo.Mode.STREAM, connectedSince, eventsSent.get(), bytesSent.get(), lastActivity,
                contextKind, context);
    }

    /**
     * What the server knows about a stream request when it registers it; {@code contextKind} and {@code context}
     * (its JSON) for client-side and mobile streams, else null.
     */
    public record ConnectionRequest(String environment, String remoteAddress, String userAgent, String wrapper,
                                    String tags, String path, String contextKind, String context) {
        public ConnectionRequest(String environment, String remoteAddress, String userAgent, String wrapper,
                                 String tags, String path) {
            this(environment, remoteAddress, userAgent, wrapper, tags, path, null, null);
        }
    }
}
