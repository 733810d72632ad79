package io.relayconsole.config;

import java.time.Duration;

/**
 * Our {@code [Main]} limits on SDK-port connections, like nginx's: how long a client may take to send its request
 * headers ({@code requestHeaderTimeout}, {@code REQUEST_HEADER_TIMEOUT}), how long a non-stream connection may sit
 * idle between requests ({@code idleConnectionTimeout}, {@code IDLE_CONNECTION_TIMEOUT}), and how many connections
 * may be open at once ({@code maxConnections}, {@code MAX_CONNECTIONS}; 0 = no limit); plus
 * {@code exitOnNoData} ({@code EXIT_ON_NO_DATA}): exit at start-up when an environment has no data from upstream
 * or from a store once {@code initTimeout} has passed.
 */
public record ConnectionLimitsConfig(Duration requestHeaderTimeout, Duration idleConnectionTimeout,
                                     int maxConnections, boolean exitOnNoData) {

    public static final Duration DEFAULT_REQUEST_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_CONNECTION_TIMEOUT = Duration.ofSeconds(60);

    public static ConnectionLimitsConfig defaults() {
        return new ConnectionLimitsConfig(DEFAULT_REQUEST_HEADER_TIMEOUT, DEFAULT_IDLE_CONNECTION_TIMEOUT, 0, false);
    }

    public ConnectionLimitsConfig withMaxConnections(int n) {
        return new ConnectionLimitsConfig(requestHeaderTimeout, idleConnectionTimeout, n, exitOnNoData);
    }

    public ConnectionLimitsConfig withTimeouts(Duration header, Duration idle) {
        return new ConnectionLimitsConfig(header, idle, maxConnections, exitOnNoData);
    }

    public ConnectionLimitsConfig withExitOnNoData(boolean exit) {
        return new ConnectionLimitsConfig(requestHeaderTimeout, idleConnectionTimeout, maxConnections, exit);
    }
}
