package io.relayconsole.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The meters' values at one moment, as the console shows them: read from the registry the exporters publish, so
 * the desktop and Grafana show the same numbers. Immutable.
 *
 * @param environments      per environment name
 * @param activeConnections open HTTP connections on the SDK port ({@code http.server.active_requests})
 * @param refusedConnections connections refused or closed by the server's limits, by reason
 */
public record MeterSnapshot(Map<String, EnvironmentMeters> environments, long activeConnections,
                            Map<String, Long> refusedConnections) {

    public MeterSnapshot {
        environments = Map.copyOf(environments);
        refusedConnections = Map.copyOf(refusedConnections);
    }

    /**
     * One environment's meters.
     *
     * @param sdkConnections   open SDK streams ({@code launchdarkly.relay.connections})
     * @param newConnections   streams opened since start ({@code newconnections})
     * @param streamEvents     SSE events written to streams
     * @param streamBytes      bytes of those events
     * @param requestsByStatus answered requests by HTTP status ({@code launchdarkly.relay.requests})
     */
    public record EnvironmentMeters(long sdkConnections, long newConnections, long streamEvents, long streamBytes,
                                    Map<Integer, Long> requestsByStatus) {
        public EnvironmentMeters {
            requestsByStatus = Map.copyOf(requestsByStatus);
        }

        public static final EnvironmentMeters NONE = new EnvironmentMeters(0, 0, 0, 0, Map.of());

        public long requests(int status) {
            return requestsByStatus.getOrDefault(status, 0L);
        }
    }

    public static MeterSnapshot empty() {
        return new MeterSnapshot(Map.of(), 0, Map.of());
    }

    /** An environment's meters; zeros for an unknown one. */
    public EnvironmentMeters environment(String name) {
        return environments.getOrDefault(name, EnvironmentMeters.NONE);
    }

    static MeterSnapshot read(MeterRegistry registry, SdkMeters sdk, List<String> names) {
        Map<String, EnvironmentMeters> envs = new LinkedHashMap<>();
        for (String env : names) {
            long open = Math.round(registry.find(MeterNames.CONNECTIONS).tag("env", env).gauges().stream()
                    .mapToDouble(Gauge::value).sum());
            long opened = Math.round(registry.find(MeterNames.NEW_CONNECTIONS).tag("env", env).counters().stream()
                    .mapToDouble(Counter::count).sum());
            Map<Integer, Long> byStatus = new TreeMap<>();
            for (Counter c : registry.find(MeterNames.REQUESTS).tag("env", env).counters()) {
                byStatus.merge(Integer.parseInt(c.getId().getTag("status")), Math.round(c.count()), Long::sum);
            }
            envs.put(env, new EnvironmentMeters(open, opened, functionCount(registry, MeterNames.STREAM_EVENTS, env),
                    functionCount(registry, MeterNames.STREAM_BYTES, env), byStatus));
        }
        Map<String, Long> refused = new TreeMap<>();
        for (Counter c : registry.find(MeterNames.CONNECTIONS_REFUSED).counters()) {
            refused.put(c.getId().getTag("reason"), Math.round(c.count()));
        }
        return new MeterSnapshot(envs, sdk.activeConnections(), refused);
    }

    private static long functionCount(MeterRegistry registry, String name, String env) {
        FunctionCounter c = registry.find(name).tag("env", env).functionCounter();
        return c == null ? 0 : Math.round(c.count());
    }
}
