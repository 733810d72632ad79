package io.relayconsole.config;

import java.net.URI;
import java.time.Duration;

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
        return new MainConfig(streamUri, baseUri, newPort, initTimeout, heartbeatInterval, maxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, upstreamMode,
                pollInterval, clientSideBaseUri, tls, bigSegmentsStaleAsDegraded, bigSegmentsStaleThreshold,
                expiredCredentialCleanupInterval, limits);
    }

    /** Big segments count as stale once {@code synchronizedOn} is older than {@code threshold}; degraded when asked. */
    public MainConfig withBigSegmentsStaleness(boolean staleAsDegraded, Duration threshold) {
        return new MainConfig(streamUri, baseUri, port, initTimeout, heartbeatInterval, maxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, upstreamMode,
                pollInterval, clientSideBaseUri, tls, staleAsDegraded, threshold,
                expiredCredentialCleanupInterval, limits);
    }

    public MainConfig withUpstream(URI newStreamUri, URI newBaseUri) {
        return new MainConfig(newStreamUri, newBaseUri, port, initTimeout, heartbeatInterval, maxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, upstreamMode,
                pollInterval, clientSideBaseUri, tls, bigSegmentsStaleAsDegraded, bigSegmentsStaleThreshold,
                expiredCredentialCleanupInterval, limits);
    }

    public MainConfig withTimings(Duration newInitTimeout, Duration newHeartbeatInterval) {
        return new MainConfig(streamUri, baseUri, port, newInitTimeout, newHeartbeatInterval, maxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, upstreamMode,
                pollInterval, clientSideBaseUri, tls, bigSegmentsStaleAsDegraded, bigSegmentsStaleThreshold,
                expiredCredentialCleanupInterval, limits);
    }

    public MainConfig withUpstreamMode(UpstreamMode mode, Duration newPollInterval) {
        return new MainConfig(streamUri, baseUri, port, initTimeout, heartbeatInterval, maxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, mode,
                newPollInterval, clientSideBaseUri, tls, bigSegmentsStaleAsDegraded, bigSegmentsStaleThreshold,
                expiredCredentialCleanupInterval, limits);
    }

    public MainConfig withTls(TlsConfig newTls) {
        return new MainConfig(streamUri, baseUri, port, initTimeout, heartbeatInterval, maxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, upstreamMode,
                pollInterval, clientSideBaseUri, newTls, bigSegmentsStaleAsDegraded, bigSegmentsStaleThreshold,
                expiredCredentialCleanupInterval, limits);
    }

    public MainConfig withLimits(ConnectionLimitsConfig newLimits) {
        return new MainConfig(streamUri, baseUri, port, initTimeout, heartbeatInterval, maxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, upstreamMode,
                pollInterval, clientSideBaseUri, tls, bigSegmentsStaleAsDegraded, bigSegmentsStaleThreshold,
                expiredCredentialCleanupInterval, newLimits);
    }

    public MainConfig withMaxClientConnectionTime(Duration newMaxClientConnectionTime) {
        return new MainConfig(streamUri, baseUri, port, initTimeout, heartbeatInterval, newMaxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, upstreamMode,
                pollInterval, clientSideBaseUri, tls, bigSegmentsStaleAsDegraded, bigSegmentsStaleThreshold,
                expiredCredentialCleanupInterval, limits);
    }
}
