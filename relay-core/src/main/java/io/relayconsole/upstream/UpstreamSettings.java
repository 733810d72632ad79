package io.relayconsole.upstream;

import io.relayconsole.config.MainConfig;
import java.net.URI;
import java.time.Duration;

/**
 * What a data source needs to reach upstream for one environment. {@code initialReconnectDelay} is the first
 * backoff step (1 s like the SDKs; tests shorten it).
 */
public record UpstreamSettings(URI streamUri, URI baseUri, String sdkKey, MainConfig.UpstreamMode mode,
                               Duration pollInterval, Duration initialReconnectDelay, String userAgent) {

    public static final Duration DEFAULT_INITIAL_RECONNECT_DELAY = Duration.ofSeconds(1);

    public static UpstreamSettings from(MainConfig main, String sdkKey) {
        return new UpstreamSettings(main.streamUri(), main.baseUri(), sdkKey, main.upstreamMode(), main.pollInterval(),
                DEFAULT_INITIAL_RECONNECT_DELAY, RelayVersion.userAgent());
    }

    public UpstreamSettings withInitialReconnectDelay(Duration delay) {
        return new UpstreamSettings(streamUri, baseUri, sdkKey, mode, pollInterval, delay, userAgent);
    }
}
