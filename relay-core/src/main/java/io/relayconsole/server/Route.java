package io.relayconsole.server;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.relayconsole.evaluation.SdkKind;
import io.relayconsole.events.EventKind;
import io.relayconsole.model.DataKind;
import io.relayconsole.serving.CredentialKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route table: every path the server answers, the methods it takes, the credential that names its environment
 * and the endpoint group that answers it. A new capability adds its rows here and its group's class beside
 * {@link PollingEndpoints}, {@link StreamOpener}, {@link StatusEndpoints}, {@link ProbeEndpoints} and
 * {@link EventEndpoints}.
 * Paths are matched segment by segment; a {@code {name}} segment (optionally followed by a literal suffix, as in
 * {@code {envId}.gif}) captures one non-empty, URL-decoded segment.
 */
enum Route {
    STATUS(Endpoint.STATUS, null, List.of(HttpMethod.GET), "/status"),
    HEALTH(Endpoint.HEALTH, null, List.of(HttpMethod.GET), "/health", "/healthz"),
    ENVIRONMENT_STATUS(Endpoint.ENVIRONMENT_STATUS, null, List.of(HttpMethod.GET), "/status/{env}"),
    LIVEZ(Endpoint.LIVE, null, List.of(HttpMethod.GET), "/livez"),
    READYZ(Endpoint.READY, null, List.of(HttpMethod.GET), "/readyz"),
    STREAM_ALL(Endpoint.STREAM, CredentialKind.SDK_KEY, List.of(HttpMethod.GET), "/all"),
    STREAM_FLAGS(Endpoint.STREAM, CredentialKind.SDK_KEY, List.of(HttpMethod.GET), "/flags"),
    LATEST_ALL(Endpoint.POLL, CredentialKind.SDK_KEY, List.of(HttpMethod.GET), "/sdk/latest-all"),
    LATEST_FLAGS(Endpoint.POLL, CredentialKind.SDK_KEY, List.of(HttpMethod.GET), "/sdk/latest-flags"),
    LATEST_FLAG(Endpoint.POLL, CredentialKind.SDK_KEY, List.of(HttpMethod.GET), "/sdk/latest-flags/{key}"),
    LATEST_SEGMENTS(Endpoint.POLL, CredentialKind.SDK_KEY, List.of(HttpMethod.GET), "/sdk/latest-segments"),
    LATEST_SEGMENT(Endpoint.POLL, CredentialKind.SDK_KEY, List.of(HttpMethod.GET), "/sdk/latest-segments/{key}"),
    PHP_FLAGS(Endpoint.POLL, CredentialKind.SDK_KEY, List.of(HttpMethod.GET), "/sdk/flags"),
    PHP_FLAG(Endpoint.POLL, CredentialKind.SDK_KEY, List.of(HttpMethod.GET), "/sdk/flags/{key}"),
    PHP_SEGMENT(Endpoint.POLL, CredentialKind.SDK_KEY, List.of(HttpMethod.GET), "/sdk/segments/{key}"),
    EVENTS_BULK(Endpoint.EVENTS, CredentialKind.SDK_KEY, List.of(HttpMethod.POST), "/bulk"),
    EVENTS_DIAGNOSTIC(Endpoint.EVENTS, CredentialKind.SDK_KEY, List.of(HttpMethod.POST), "/diagnostic"),
    MOBILE_EVENTS(Endpoint.EVENTS, CredentialKind.MOBILE_KEY, List.of(HttpMethod.POST),
            "/mobile", "/mobile/events", "/mobile/events/bulk"),
    MOBILE_DIAGNOSTIC(Endpoint.EVENTS, CredentialKind.MOBILE_KEY, List.of(HttpMethod.POST),
            "/mobile/events/diagnostic"),
    CLIENT_EVENTS(Endpoint.EVENTS, CredentialKind.ENVIRONMENT_ID, List.of(HttpMethod.POST, HttpMethod.OPTIONS),
            "/events/bulk/{envId}"),
    CLIENT_DIAGNOSTIC(Endpoint.EVENTS, CredentialKind.ENVIRONMENT_ID, List.of(HttpMethod.POST, HttpMethod.OPTIONS),
            "/events/diagnostic/{envId}"),
    CLIENT_EVENTS_BEACON(Endpoint.EVENTS, CredentialKind.ENVIRONMENT_ID, List.of(HttpMethod.GET, HttpMethod.OPTIONS),
            "/a/{envId}.gif"),
    // Client-side and mobile evaluation (reference §1.2-1.4, §2.7): EvalEndpoints, ClientStreams, GoalsProxy.
    SERVER_EVALX(Endpoint.EVALX, CredentialKind.SDK_KEY, List.of(HttpMethod.GET),
            "/sdk/evalx/contexts/{context}", "/sdk/evalx/users/{context}"),
    SERVER_EVALX_REPORT(Endpoint.EVALX, CredentialKind.SDK_KEY, List.of(Methods.REPORT),
            "/sdk/evalx/context", "/sdk/evalx/user"),
    MOBILE_EVALX(Endpoint.EVALX, CredentialKind.MOBILE_KEY, List.of(HttpMethod.GET),
            "/msdk/evalx/contexts/{context}", "/msdk/evalx/users/{context}"),
    MOBILE_EVALX_REPORT(Endpoint.EVALX, CredentialKind.MOBILE_KEY, List.of(Methods.REPORT),
            "/msdk/evalx/context", "/msdk/evalx/user"),
    MOBILE_STREAM(Endpoint.CLIENT_STREAM, CredentialKind.MOBILE_KEY, List.of(HttpMethod.GET), "/meval/{context}"),
    MOBILE_STREAM_REPORT(Endpoint.CLIENT_STREAM, CredentialKind.MOBILE_KEY, List.of(Methods.REPORT), "/meval"),
    MOBILE_PING(Endpoint.CLIENT_STREAM, CredentialKind.MOBILE_KEY, List.of(HttpMethod.GET), "/mping"),
    CLIENT_EVALX(Endpoint.EVALX, CredentialKind.ENVIRONMENT_ID, List.of(HttpMethod.GET, HttpMethod.OPTIONS),
            "/sdk/evalx/{envId}/contexts/{context}", "/sdk/evalx/{envId}/users/{context}"),
    CLIENT_EVALX_REPORT(Endpoint.EVALX, CredentialKind.ENVIRONMENT_ID, List.of(Methods.REPORT, HttpMethod.OPTIONS),
            "/sdk/evalx/{envId}/context", "/sdk/evalx/{envId}/user"),
    CLIENT_STREAM(Endpoint.CLIENT_STREAM, CredentialKind.ENVIRONMENT_ID, List.of(HttpMethod.GET, HttpMethod.OPTIONS),
            "/eval/{envId}/{context}"),
    CLIENT_STREAM_REPORT(Endpoint.CLIENT_STREAM, CredentialKind.ENVIRONMENT_ID,
            List.of(Methods.REPORT, HttpMethod.OPTIONS), "/eval/{envId}"),
    CLIENT_PING(Endpoint.CLIENT_STREAM, CredentialKind.ENVIRONMENT_ID, List.of(HttpMethod.GET, HttpMethod.OPTIONS),
            "/ping/{envId}"),
    CLIENT_GOALS(Endpoint.GOALS, CredentialKind.ENVIRONMENT_ID, List.of(HttpMethod.GET, HttpMethod.OPTIONS),
            "/sdk/goals/{envId}");

    /** Which class answers a route. */
    enum Endpoint { STATUS, HEALTH, ENVIRONMENT_STATUS, LIVE, READY, STREAM, POLL, EVENTS, EVALX, CLIENT_STREAM, GOALS }

    /** HTTP methods Netty has no constant for. */
    static final class Methods {
        static final HttpMethod REPORT = HttpMethod.valueOf("REPORT");

        private Methods() {
        }
    }

    private static final Map<String, Route> FIXED = new HashMap<>();
    private static final List<Template> TEMPLATES = new ArrayList<>();

    static {
        for (Route route : values()) {
            for (String path : route.paths) {
                if (path.contains("{")) {
                    TEMPLATES.add(new Template(route, path.substring(1).split("/", -1)));
                } else {
                    FIXED.put(path, route);
                }
            }
        }
    }

    private final Endpoint endpoint;
    private final CredentialKind credential;
    private final List<HttpMethod> methods;
    private final String[] paths;

    Route(Endpoint endpoint, CredentialKind credential, List<HttpMethod> methods, String... paths) {
        this.endpoint = endpoint;
        this.credential = credential;
        this.methods = methods;
        this.paths = paths;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** How the request names its environment; null for routes that serve the whole relay. */
    CredentialKind credential() {
        return credential;
    }

    /** The route as a bounded metrics label: its first path, templates unexpanded. */
    String label() {
        return paths[0];
    }

    boolean allows(HttpMethod method) {
        return methods.contains(method);
    }

    /** The methods it takes, as {@code Allow} and CORS's {@code Access-Control-Allow-Methods} list them. */
    String allowHeader() {
        return String.join(",", methods.stream().map(HttpMethod::name).toList());
    }

    /** The kind of the single item this route serves, if it serves one. */
    DataKind itemKind() {
        return switch (this) {
            case LATEST_FLAG, PHP_FLAG -> DataKind.FEATURES;
            case LATEST_SEGMENT, PHP_SEGMENT -> DataKind.SEGMENTS;
            default -> null;
        };
    }

    boolean isPhp() {
        return this == PHP_FLAGS || this == PHP_FLAG || this == PHP_SEGMENT;
    }

    /** What an events route receives; null for other routes. */
    EventKind eventKind() {
        return switch (this) {
            case EVENTS_BULK -> EventKind.SERVER;
            case EVENTS_DIAGNOSTIC -> EventKind.SERVER_DIAGNOSTIC;
            case MOBILE_EVENTS -> EventKind.MOBILE;
            case MOBILE_DIAGNOSTIC -> EventKind.MOBILE_DIAGNOSTIC;
            case CLIENT_EVENTS, CLIENT_EVENTS_BEACON -> EventKind.CLIENT_SIDE;
            case CLIENT_DIAGNOSTIC -> EventKind.CLIENT_SIDE_DIAGNOSTIC;
            default -> null;
        };
    }

    /** Which SDKs an evaluation route or client stream serves (and so which flags they see); null for others. */
    SdkKind sdkKind() {
        return switch (this) {
            case SERVER_EVALX, SERVER_EVALX_REPORT -> SdkKind.SERVER;
            case MOBILE_EVALX, MOBILE_EVALX_REPORT, MOBILE_STREAM, MOBILE_STREAM_REPORT, MOBILE_PING -> SdkKind.MOBILE;
            case CLIENT_EVALX, CLIENT_EVALX_REPORT, CLIENT_STREAM, CLIENT_STREAM_REPORT, CLIENT_PING -> SdkKind.CLIENT;
            default -> null;
        };
    }

    /** Whether the context comes as JSON in a {@code REPORT} body rather than base64url in the path. */
    boolean contextInBody() {
        return allows(Methods.REPORT);
    }

    /** The legacy streams with no context: they carry only {@code ping}, as ld-relay's do. */
    boolean pingOnly() {
        return this == MOBILE_PING || this == CLIENT_PING;
    }

    /** A matched route and the path's captured, decoded segments. */
    record Match(Route route, Map<String, String> params) {
        /** An item key, for single-item routes. */
        String key() {
            return params.get("key");
        }

        /** The base64url context in the path, for evaluation routes that take it there. */
        String context() {
            return params.get("context");
        }

        /** The client-side environment ID in the path. */
        String envId() {
            return params.get("envId");
        }
    }

    /**
     * Matches a raw request path (no query).
     *
     * @throws IllegalArgumentException when a captured segment is not valid percent-encoding
     */
    static Optional<Match> match(String rawPath) {
        Route fixed = FIXED.get(rawPath);
        if (fixed != null) {
            return Optional.of(new Match(fixed, Map.of()));
        }
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.empty();
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (Template t : TEMPLATES) {
            Map<String, String> params = t.match(segments);
            if (params != null) {
                return Optional.of(new Match(t.route(), params));
            }
        }
        return Optional.empty();
    }

    private record Template(Route route, String[] segments) {
        Map<String, String> match(String[] path) {
            if (path.length != segments.length) {
                return null;
            }
            Map<String, String> params = null;
            for (int i = 0; i < path.length; i++) {
                String t = segments[i];
                if (!t.startsWith("{")) {
                    if (!t.equals(path[i])) {
                        return null;
                    }
                    continue;
                }
                int close = t.indexOf('}');
                String suffix = t.substring(close + 1);
                if (!path[i].endsWith(suffix) || path[i].length() == suffix.length()) {
                    return null;
                }
                if (params == null) {
                    params = new HashMap<>(2);
                }
                String raw = path[i].substring(0, path[i].length() - suffix.length());
                params.put(t.substring(1, close), QueryStringDecoder.decodeComponent(raw));
            }
            return params == null ? Map.of() : params;
        }
    }
}
