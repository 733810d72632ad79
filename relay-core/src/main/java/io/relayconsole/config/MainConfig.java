package io.relayconsole.config;

import java.net.URI;
import java.time.Duration;

/**
 * The {@code [Main]} section of ld-relay's configuration, plus our own {@code upstreamMode} and
 * {@code pollInterval} (polling instead of streaming from upstream). {@code maxClientConnectionTime} is null
 * when unset.
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
        Duration pollInterval) {

    public static final URI DEFAULT_STREAM_URI = URI.create("https://stream.launchdarkly.com");
    public static final URI DEFAULT_BASE_URI = URI.create("https://sdk.launchdarkly.com");
    public static final int DEFAULT_PORT = 8030;
    public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofMinutes(3);
    public static final Duration DEFAULT_DISCONNECTED_STATUS_TIME = Duration.ofMinutes(1);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

    public enum UpstreamMode { STREAMING, POLLING }

    public static MainConfig defaults() {
        return new MainConfig(DEFAULT_STREAM_URI, DEFAULT_BASE_URI, DEFAULT_PORT, DEFAULT_INIT_TIMEOUT,
                DEFAULT_HEARTBEAT_INTERVAL, null, DEFAULT_DISCONNECTED_STATUS_TIME, "info", false, false, false,
                UpstreamMode.STREAMING, DEFAULT_POLL_INTERVAL);
    }

    public MainConfig withPort(int newPort) {
        return new MainConfig(streamUri, baseUri, newPort, initTimeout, heartbeatInterval, maxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, upstreamMode,
                pollInterval);
    }

    public MainConfig withUpstream(URI newStreamUri, URI newBaseUri) {
        return new MainConfig(newStreamUri, newBaseUri, port, initTimeout, heartbeatInterval, maxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, upstreamMode,
                pollInterval);
    }

    public MainConfig withTimings(Duration newInitTimeout, Duration newHeartbeatInterval) {
        return new MainConfig(streamUri, baseUri, port, newInitTimeout, newHeartbeatInterval, maxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, upstreamMode,
                pollInterval);
    }

    public MainConfig withUpstreamMode(UpstreamMode mode, Duration newPollInterval) {
        return new MainConfig(streamUri, baseUri, port, initTimeout, heartbeatInterval, maxClientConnectionTime,
                disconnectedStatusTime, logLevel, exitOnError, exitAlways, ignoreConnectionErrors, mode,
                newPollInterval);
    }
}
