package io.relayconsole.metrics;

/**
 * The names of the relay's meters, in OpenTelemetry's dotted form. Where ld-relay v9 has a name for the same
 * thing it is used as is; ld-relay v8's {@code connections}, {@code newconnections} and {@code requests} keep their
 * short names under the {@code launchdarkly.relay.} namespace. Prometheus sees them with dots as underscores
 * (and {@code _total}, {@code _seconds} suffixes); {@code [Prometheus] prefix} replaces the namespace.
 */
public final class MeterNames {
    /** The namespace that {@code [Prometheus] prefix} replaces. */
    public static final String NAMESPACE = "launchdarkly.relay";

    /** Open SDK streams now (v8 {@code connections}); tags env, route, platformCategory, userAgent. */
    public static final String CONNECTIONS = NAMESPACE + ".connections";
    /** SDK streams opened since start (v8 {@code newconnections}); same tags. */
    public static final String NEW_CONNECTIONS = NAMESPACE + ".newconnections";
    /** Answered requests (v9 {@code launchdarkly.relay.requests}); tags env, route, method, status. */
    public static final String REQUESTS = NAMESPACE + ".requests";
    /** Time to answer a non-stream request, or to open a stream (v9); tags route, status. */
    public static final String REQUEST_DURATION = "http.server.request.duration";
    /** Open HTTP connections on the SDK port, streams and idle keep-alive included (v9). */
    public static final String ACTIVE_REQUESTS = "http.server.active_requests";
    /** Connections the server closed or refused to protect itself; tag reason (limit, header_timeout, idle). */
    public static final String CONNECTIONS_REFUSED = NAMESPACE + ".server.connections.refused";

    /** SSE events handed to streams (one per stream per event); tag env. */
    public static final String STREAM_EVENTS = NAMESPACE + ".stream.events";
    /** Bytes of SSE events handed to streams; tag env. */
    public static final String STREAM_BYTES = NAMESPACE + ".stream.sent.size";
    /** From a change reaching the server to its write on an event loop; tag env. */
    public static final String FANOUT_DURATION = NAMESPACE + ".stream.fanout.duration";

    /**
     * All-flags evaluations for client-side and mobile SDKs (evalx requests, and one per distinct context of the
     * evaluated streams after a change); tag env. Beside {@link #CONNECTIONS} it shows the streams' sharing.
     */
    public static final String CLIENT_EVALUATIONS = NAMESPACE + ".client.evaluations";

    /** 1 when {@code /status} says healthy, else 0 (v9); no tags. */
    public static final String STATUS = NAMESPACE + ".status";
    /** Environments configured (v9). */
    public static final String ENVIRONMENT_COUNT = NAMESPACE + ".environment.count";
    /** Environments per upstream state (v9); tag state (VALID, INITIALIZING, INTERRUPTED, OFF). */
    public static final String CONNECTION_STATE_COUNT = NAMESPACE + ".environment.connection.state.count";
    /** Environments per store state (v9); tag state (VALID, INTERRUPTED). */
    public static final String DATASTORE_STATE_COUNT = NAMESPACE + ".environment.datastore.state.count";
    /** Per environment: 1 while its store answers, else 0; tag env. */
    public static final String DATASTORE_AVAILABLE = NAMESPACE + ".datastore.available";
    /** Per environment: latency of the store's last operation, in seconds; tag env. */
    public static final String DATASTORE_LATENCY = NAMESPACE + ".datastore.latency";
    /** Per environment: round trips to the persistent store, as a histogram with fixed buckets; tag env. */
    public static final String DATASTORE_OPERATION_DURATION = NAMESPACE + ".datastore.operation.duration";
    /** Per environment: store operations that failed; tag env. */
    public static final String DATASTORE_ERRORS = NAMESPACE + ".datastore.errors";
    /** Per environment: reads the store's cache answered; tag env. */
    public static final String CACHE_HITS = NAMESPACE + ".datastore.cache.hits";
    /** Per environment: reads that went to the store (no cache, not loaded, or expired); tag env. */
    public static final String CACHE_MISSES = NAMESPACE + ".datastore.cache.misses";
    /** Per environment: cached data sets found past their TTL, once each; tag env. */
    public static final String CACHE_EXPIRATIONS = NAMESPACE + ".datastore.cache.expirations";
    /** Per environment: 1 when big segments may be stale (as {@code /status}' potentiallyStale), 0 if not; tag env. */
    public static final String BIG_SEGMENTS_STALE = NAMESPACE + ".bigsegments.stale";
    /** Per environment: seconds since the big-segment store was last synchronized; tag env. */
    public static final String BIG_SEGMENTS_STALENESS = NAMESPACE + ".bigsegments.staleness";
    /** Per environment: 1 when it can serve SDKs now (what {@code /readyz} checks), else 0; tag env. */
    public static final String ENVIRONMENT_READY = NAMESPACE + ".environment.ready";
    /** Per environment: upstream connection attempts since the last success; tag env. */
    public static final String UPSTREAM_ATTEMPTS = NAMESPACE + ".upstream.attempts";
    /** Per environment: updates received from upstream; tag env. */
    public static final String UPSTREAM_UPDATES = NAMESPACE + ".upstream.updates";

    /** Events from SDKs (v9 {@code launchdarkly.relay.events.*}); tag env. */
    public static final String EVENTS_RECEIVED = NAMESPACE + ".events.received";
    public static final String EVENTS_SENT = NAMESPACE + ".events.sent";
    public static final String EVENTS_FAILED = NAMESPACE + ".events.failed";
    public static final String EVENTS_DROPPED = NAMESPACE + ".events.dropped";
    public static final String EVENTS_PENDING = NAMESPACE + ".events.pending";

    private MeterNames() {
    }
}
