package io.relayconsole.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the SDK-facing server counts: open streams and new ones, answered requests and their duration, open HTTP
 * connections and the ones it refused. Every tag takes values from a bounded set (environments, routes, status
 * codes, known SDK names), so a flood of clients cannot create series. Meters are made once per tag combination
 * and cached; counting is then a lookup and an add.
 */
public final class SdkMeters {
    /** LaunchDarkly's SDK User-Agent products; anything else is counted as "other". */
    private static final Set<String> KNOWN_SDKS = Set.of("JavaClient", "NodeJSClient", "PythonClient", "GoClient",
            "RubyClient", "DotNetClient", "PHPClient", "ErlangClient", "RustClient", "CppClient", "LDRelay",
            "HaskellServerClient", "LuaServerClient", "NodeJsClient", "JSClient", "ReactNativeClient",
            "AndroidClient", "iOS", "FlutterClient");

    private final MeterRegistry registry;
    private final Map<ConnectionKey, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<ConnectionKey, Counter> opened = new ConcurrentHashMap<>();
    private final Map<RequestKey, Counter> requests = new ConcurrentHashMap<>();
    private final Map<DurationKey, Timer> durations = new ConcurrentHashMap<>();
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final AtomicInteger activeConnections = new AtomicInteger();

    SdkMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(MeterNames.ACTIVE_REQUESTS, activeConnections, AtomicInteger::get)
                .description("Open HTTP connections on the SDK port").register(registry);
    }

    /** Tags of one kind of SDK connection. */
    private record ConnectionKey(String env, String route, String platformCategory, String userAgent) {
        Tags tags() {
            return Tags.of("env", env, "route", route, "platformCategory", platformCategory, "userAgent", userAgent);
        }
    }

    private record RequestKey(String env, String route, String method, int status) {
    }

    private record DurationKey(String route, int status) {
    }

    /** A stream opened: {@code route} is the route's path template, {@code userAgent} the raw header. */
    public void streamOpened(String env, String route, String userAgent) {
        ConnectionKey key = new ConnectionKey(env, route, platformCategory(route), sdkName(userAgent));
        open.computeIfAbsent(key, k -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder(MeterNames.CONNECTIONS, count, AtomicInteger::get).tags(k.tags())
                    .description("Open SDK streams").register(registry);
            return count;
        }).incrementAndGet();
        opened.computeIfAbsent(key, k -> Counter.builder(MeterNames.NEW_CONNECTIONS).tags(k.tags())
                .description("SDK streams opened").register(registry)).increment();
    }

    public void streamClosed(String env, String route, String userAgent) {
        AtomicInteger count = open.get(new ConnectionKey(env, route, platformCategory(route), sdkName(userAgent)));
        if (count != null) {
            count.decrementAndGet();
        }
    }

    /**
     * Publishes an environment's count of client-side evaluations, read from {@code state} when scraped. Micrometer
     * holds {@code state} weakly: it must be an object the caller keeps (the evaluator), not a lambda.
     */
    public <T> void clientEvaluations(String env, T state, java.util.function.ToDoubleFunction<T> count) {
        io.micrometer.core.instrument.FunctionCounter.builder(MeterNames.CLIENT_EVALUATIONS, state, count)
                .tags("env", env)
                .description("All-flags evaluations for client-side and mobile SDKs").register(registry);
    }

    /** One answered request; {@code env} null when no environment was identified, {@code route} null if none matched. */
    public void requestAnswered(String env, String route, String method, int status, long nanos) {
        String r = route == null ? "unmatched" : route;
        requests.computeIfAbsent(new RequestKey(env == null ? "none" : env, r, method, status),
                k -> Counter.builder(MeterNames.REQUESTS)
                        .tags("env", k.env(), "route", k.route(), "method", k.method(),
                                "status", Integer.toString(k.status()), "platformCategory", platformCategory(k.route()))
                        .description("Requests answered").register(registry)).increment();
        durations.computeIfAbsent(new DurationKey(r, status),
                k -> Timer.builder(MeterNames.REQUEST_DURATION)
                        .tags("route", k.route(), "status", Integer.toString(k.status()))
                        .description("Time to answer a request (for streams: to open it)")
                        .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void connectionOpened() {
        activeConnections.incrementAndGet();
    }

    public void connectionClosed() {
        activeConnections.decrementAndGet();
    }

    /** The server refused or closed a connection to protect itself: limit, header_timeout or idle. */
    public void connectionRefused(String reason) {
        refused.computeIfAbsent(reason, r -> Counter.builder(MeterNames.CONNECTIONS_REFUSED).tag("reason", r)
                .description("Connections refused or closed by the server's limits").register(registry)).increment();
    }

    /** Open SDK streams of one environment, as the {@code connections} gauges say. */
    int openStreams(String env) {
        int n = 0;
        for (Map.Entry<ConnectionKey, AtomicInteger> e : open.entrySet()) {
            if (e.getKey().env().equals(env)) {
                n += e.getValue().get();
            }
        }
        return n;
    }

    int activeConnections() {
        return activeConnections.get();
    }

    static String platformCategory(String route) {
        if (route.startsWith("/mobile") || route.startsWith("/meval") || route.startsWith("/msdk")
                || route.startsWith("/mping")) {
            return "mobile";
        }
        if (route.startsWith("/events/") || route.startsWith("/a/") || route.startsWith("/sdk/eval")
                || route.startsWith("/eval/") || route.startsWith("/ping/") || route.startsWith("/sdk/goals/")) {
            return "browser";
        }
        return "server";
    }

    /** The User-Agent's product token when it is one of LaunchDarkly's SDKs, else "other" (bounded cardinality). */
    static String sdkName(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "unknown";
        }
        String first = userAgent.trim();
        int end = first.indexOf('/');
        int space = first.indexOf(' ');
        if (end < 0 || space >= 0 && space < end) {
            end = space < 0 ? first.length() : space;
        }
        String product = first.substring(0, end);
        return KNOWN_SDKS.contains(product) ? product : "other";
    }
}
