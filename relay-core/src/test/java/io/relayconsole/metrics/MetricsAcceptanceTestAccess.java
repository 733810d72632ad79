package io.relayconsole.metrics;

import com.launchdarkly.sdk.server.LDClient;
import io.relayconsole.config.MetricsConfig;
import io.relayconsole.config.RelayConfig;

/** The metrics tests' relay set-up (built-in upstream, one environment) and SDK client, for other packages' tests. */
public final class MetricsAcceptanceTestAccess {
    public static final String SDK_KEY = MetricsAcceptanceTest.SDK_KEY;

    private MetricsAcceptanceTestAccess() {
    }

    public static RelayConfig config(MetricsConfig.Prometheus prometheus) {
        return MetricsAcceptanceTest.config(prometheus);
    }

    public static LDClient streamingSdk(int relayPort) {
        return MetricsAcceptanceTest.streamingSdk(relayPort);
    }
}
