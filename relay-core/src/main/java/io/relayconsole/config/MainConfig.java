package io.relayconsole.config;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The {@code [Main]} section of ld-relay's configuration, plus our own {@code upstreamMode} (key
 * {@code upstreamMode = streaming|polling}, variable {@code UPSTREAM_MODE}) and {@code pollInterval} (key
 * {@code pollInterval}, variable {@code POLL_INTERVAL}, at least 1s): poll upstream instead of streaming.
 * {@code maxClientConnectionTime} is null when unset. {@code bigSegmentsStale*} decide when big segments count as
 * stale and whether that degrades {@code /status} and {@code /health}; {@code expiredCredentialCleanupInterval} is
 * read for compatibility; this relay does not act on it yet.
 * {@code limits} are our connection limits and start-up exit ({@link ConnectionLimitsConfig}).
 */
public record MainConfig(
        URI streamUri,
        URI baseUri,
        int port,
        Duration initTimeout,
        Duration heartbeatInterval,
        Duration maxClientConnectionTime,
        Duration disconnectedStatusTime,
        String logLevel,
        boolean exitOnError,
        boolean exitAlways,
        boolean ignoreConnectionErrors,
        UpstreamMode upstreamMode,
        Duration pollInterval,
        URI clientSideBaseUri,
        TlsConfig tls,
        boolean bigSegmentsStaleAsDegraded,
        Duration bigSegmentsStaleThreshold,
        Duration expiredCredentialCleanupInterval,
        ConnectionLimitsConfig limits) {

    public static final URI DEFAULT_STREAM_URI = URI.create("https://stream.launchdarkly.com");
    public static final URI DEFAULT_BASE_URI = URI.create("https://sdk.launchdarkly.com");
    public static final URI DEFAULT_CLIENT_SIDE_BASE_URI = URI.create("https://clientsdk.launchdarkly.com");
    public static final int DEFAULT_PORT = 8030;
    public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofMinutes(3);
    public static final Duration DEFAULT_DISCONNECTED_STATUS_TIME = Duration.ofMinutes(1);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);
    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_BIG_SEGMENTS_STALE_THRESHOLD = Duration.ofMinutes(5);
    public static final Duration DEFAULT_EXPIRED_CREDENTIAL_CLEANUP_INTERVAL = Duration.ofMinutes(1);

    public enum UpstreamMode { STREAMING, POLLING }

    public MainConfig {
        tls = tls == null ? TlsConfig.disabled() : tls;
        clientSideBaseUri = clientSideBaseUri == null ? DEFAULT_CLIENT_SIDE_BASE_URI : clientSideBaseUri;
        bigSegmentsStaleThreshold = bigSegmentsStaleThreshold == null ? DEFAULT_BIG_SEGMENTS_STALE_THRESHOLD
                : bigSegmentsStaleThreshold;
        expiredCredentialCleanupInterval = expiredCredentialCleanupInterval == null
                ? DEFAULT_EXPIRED_CREDENTIAL_CLEANUP_INTERVAL : expiredCredentialCleanupInterval;
        limits = limits == null ? ConnectionLimitsConfig.defaults() : limits;
    }

    /** Every setting but the connection limits, which take their defaults. */
    public MainConfig(URI streamUri, URI baseUri, int port, Duration initTimeout, Duration heartbeatInterval,
                      Duration maxClientConnectionTime, Duration disconnectedStatusTime, String logLevel,
                      boolean exitOnError, boolean exitAlways, boolean ignoreConnectionErrors,
                      UpstreamMode upstreamMode, Duration pollInterval, URI clientSideBaseUri, TlsConfig tls,
                      boolean bigSegmentsStaleAsDegraded, Duration bigSegmentsStaleThreshold,
                      Duration expiredCredentialCleanupInterval) {
        this(streamUri, baseUri, port, initTimeout, heartbeatInterval, maxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, upstreamMode,
                pollInterval, clientSideBaseUri, tls, bigSegmentsStaleAsDegraded, bigSegmentsStaleThreshold,
                expiredCredentialCleanupInterval, null);
    }

    /** The original thirteen settings; the rest take their defaults. */
    public MainConfig(URI streamUri, URI baseUri, int port, Duration initTimeout, Duration heartbeatInterval,
                      Duration maxClientConnectionTime, Duration disconnectedStatusTime, String logLevel,
                      boolean exitOnError, boolean exitAlways, boolean ignoreConnectionErrors,
                      UpstreamMode upstreamMode, Duration pollInterval) {
        this(streamUri, baseUri, port, initTimeout, heartbeatInterval, maxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, upstreamMode,
                pollInterval, null, null, false, null, null);
    }

    public static MainConfig defaults() {
        return new MainConfig(DEFAULT_STREAM_URI, DEFAULT_BASE_URI, DEFAULT_PORT, DEFAULT_INIT_TIMEOUT,
                DEFAULT_HEARTBEAT_INTERVAL, null, DEFAULT_DISCONNECTED_STATUS_TIME, "info", false, false, false,
                UpstreamMode.STREAMING, DEFAULT_POLL_INTERVAL);
    }

    public MainConfig withPort(int newPort) {
        return edit(b -> b.port = newPort);
    }

    public MainConfig withBigSegmentsStaleness(boolean staleAsDegraded, Duration threshold) {
        return edit(b -> {
            b.bigSegmentsStaleAsDegraded = staleAsDegraded;
            b.bigSegmentsStaleThreshold = threshold;
        });
    }

    public MainConfig withUpstream(URI newStreamUri, URI newBaseUri) {
        return edit(b -> {
            b.streamUri = newStreamUri;
            b.baseUri = newBaseUri;
        });
    }

    public MainConfig withTimings(Duration newInitTimeout, Duration newHeartbeatInterval) {
        return edit(b -> {
            b.initTimeout = newInitTimeout;
            b.heartbeatInterval = newHeartbeatInterval;
        });
    }

    public MainConfig withUpstreamMode(UpstreamMode mode, Duration newPollInterval) {
        return edit(b -> {
            b.upstreamMode = mode;
            b.pollInterval = newPollInterval;
        });
    }

    public MainConfig withTls(TlsConfig newTls) {
        return edit(b -> b.tls = newTls);
    }

    public MainConfig withLimits(ConnectionLimitsConfig newLimits) {
        return edit(b -> b.limits = newLimits);
    }

    public MainConfig withMaxClientConnectionTime(Duration newMaxClientConnectionTime) {
        return edit(b -> b.maxClientConnectionTime = newMaxClientConnectionTime);
    }

    /** A copy with some settings changed: the one place that lists every field for the with-methods. */
    private MainConfig edit(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    private static final class Copy {
        URI streamUri;
        URI baseUri;
        int port;
        Duration initTimeout;
        Duration heartbeatInterval;
        Duration maxClientConnectionTime;
        final Duration disconnectedStatusTime;
        final String logLevel;
        final boolean exitOnError;
        final boolean exitAlways;
        final boolean ignoreConnectionErrors;
        UpstreamMode upstreamMode;
        Duration pollInterval;
        final URI clientSideBaseUri;
        TlsConfig tls;
        boolean bigSegmentsStaleAsDegraded;
        Duration bigSegmentsStaleThreshold;
        final Duration expiredCredentialCleanupInterval;
        ConnectionLimitsConfig limits;

        Copy(MainConfig c) {
            streamUri = c.streamUri;
            baseUri = c.baseUri;
            port = c.port;
            initTimeout = c.initTimeout;
            heartbeatInterval = c.heartbeatInterval;
            maxClientConnectionTime = c.maxClientConnectionTime;
            disconnectedStatusTime = c.disconnectedStatusTime;
            logLevel = c.logLevel;
            exitOnError = c.exitOnError;
            exitAlways = c.exitAlways;
            ignoreConnectionErrors = c.ignoreConnectionErrors;
            upstreamMode = c.upstreamMode;
            pollInterval = c.pollInterval;
            clientSideBaseUri = c.clientSideBaseUri;
            tls = c.tls;
            bigSegmentsStaleAsDegraded = c.bigSegmentsStaleAsDegraded;
            bigSegmentsStaleThreshold = c.bigSegmentsStaleThreshold;
            expiredCredentialCleanupInterval = c.expiredCredentialCleanupInterval;
            limits = c.limits;
        }

        MainConfig build() {
            return new MainConfig(streamUri, baseUri, port, initTimeout, heartbeatInterval, maxClientConnectionTime,
                    disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, upstreamMode,
                    pollInterval, clientSideBaseUri, tls, bigSegmentsStaleAsDegraded, bigSegmentsStaleThreshold,
                    expiredCredentialCleanupInterval, limits);
        }
    }
}
