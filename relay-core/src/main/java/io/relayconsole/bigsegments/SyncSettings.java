package io.relayconsole.bigsegments;

import java.net.URI;
import java.time.Duration;

/**
 * What one environment's synchronizer needs: upstream, the SDK key, the first backoff step (ld-relay waits 10 s;
 * tests shorten it), how often {@code synchronizedOn} is refreshed while idle (ld-relay: 30 s), how often the store's
 * metadata is read for the status, and {@code bigSegmentsStaleThreshold}.
 */
public record SyncSettings(URI baseUri, URI streamUri, String sdkKey, String userAgent, Duration initialRetryDelay,
                           Duration idleRefreshInterval, Duration statusCheckInterval, Duration staleThreshold) {

    public static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    public static final Duration IDLE_REFRESH_INTERVAL = Duration.ofSeconds(30);
    public static final Duration STATUS_CHECK_INTERVAL = Duration.ofSeconds(5);

    public SyncSettings withIntervals(Duration idleRefresh, Duration statusCheck) {
        return new SyncSettings(baseUri, streamUri, sdkKey, userAgent, initialRetryDelay, idleRefresh, statusCheck,
                staleThreshold);
    }
}
