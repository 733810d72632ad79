package io.relayconsole.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.Secrets;
import io.relayconsole.events.Acceptance;
import io.relayconsole.events.EventForwarder;
import io.relayconsole.events.EventKind;
import io.relayconsole.events.EventRoute;
import io.relayconsole.relay.Readiness;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event endpoints (reference §1.6): authenticates each payload with its kind's credential (SDK key, mobile
 * key, or client-side ID in the path), hands it to the environment's {@link EventForwarder} and answers 202.
 * Never waits on the network or a store, so it runs on the I/O thread.
 * Unknown SDK and mobile keys get 401, unknown client-side IDs 404, as in ld-relay; with {@code sendEvents} off,
 * ld-relay's 503 "Event proxy is not enabled for this environment".
 */
final class EventEndpoints {
    private static final String CORS_HEADERS = "Cache-Control, Content-Type, Content-Length, Accept-Encoding, "
            + "X-LaunchDarkly-User-Agent, X-LaunchDarkly-Payload-ID, X-LaunchDarkly-Wrapper, "
            + "X-LaunchDarkly-Event-Schema, X-LaunchDarkly-Tags";
    // ld-relay's transparent 1x1 GIF, the answer to every image beacon.
    private static final byte[] TRANSPARENT_GIF =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final Relay relay;
    private final Map<String, RelayEnvironment> byMobileKey = new HashMap<>();
    private final Map<String, RelayEnvironment> byEnvId = new HashMap<>();

    EventEndpoints(Relay relay) {
        this.relay = relay;
        for (RelayEnvironment env : relay.environments()) {
            if (env.config().mobileKey() != null) {
                byMobileKey.put(env.config().mobileKey(), env);
            }
            if (env.config().envId() != null) {
                byEnvId.put(env.config().envId(), env);
            }
        }
    }

    /** The events route of a request URI, if it is one. */
    static Optional<EventRoute> route(String uri) {
        int query = uri.indexOf('?');
        return EventRoute.match(query >= 0 ? uri.substring(0, query) : uri);
    }

    /** One request being answered: where to write, what to log, and the route (which decides on CORS). */
    private record Call(ChannelHandlerContext ctx, RequestInfo info, String origin, EventRoute route) {
    }

    void handle(ChannelHandlerContext ctx, RequestInfo info, FullHttpRequest request, EventRoute route) {
        Call call = new Call(ctx, info, request.headers().get(HttpHeaderNames.ORIGIN), route);
        boolean clientSide = route.kind().credential() == EventKind.Credential.ENV_ID;
        boolean preflight = clientSide && HttpMethod.OPTIONS.equals(request.method());
        if (!preflight && !route.method().equals(request.method().name())) {
            FullHttpResponse r = Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "Method " + request.method() + " is not allowed here");
            r.headers().set(HttpHeaderNames.ALLOW, route.method());
            send(call, null, r, "method " + request.method() + " not allowed");
            return;
        }
        RelayEnvironment env = environment(call, request);
        if (env == null) {
            return;
        }
        if (preflight) {
            FullHttpResponse ok = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            ok.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            send(call, env, ok, null);
            return;
        }
        Optional<EventForwarder> forwarder = relay.eventForwarder(env.name());
        if (forwarder.isEmpty()) {
            refuse(call, env, HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "Event proxy is not enabled for this environment");
            return;
        }
        Map<String, String> headers = sdkHeaders(request.headers());
        if (route.beacon()) {
            List<String> d = new QueryStringDecoder(info.uri()).parameters().get("d");
            Acceptance a = forwarder.get().acceptBeacon(d == null ? null : d.get(0), headers);
            // The image answers whatever the events were, as in ld-relay; a refusal shows in the stats.
            FullHttpResponse gif = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(TRANSPARENT_GIF));
            gif.headers().set(HttpHeaderNames.CONTENT_TYPE, "image/gif")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, TRANSPARENT_GIF.length);
            send(call, env, gif, a.accepted() ? null : a.message());
            return;
        }
        Acceptance a = forwarder.get().accept(route.kind(), ByteBufUtil.getBytes(request.content()), headers);
        if (a.accepted()) {
            FullHttpResponse accepted = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.ACCEPTED);
            accepted.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            send(call, env, accepted, null);
        } else {
            refuse(call, env, HttpResponseStatus.valueOf(a.status()), a.message());
        }
    }

    /** The environment the credential names, or null after answering 401 / 404 as ld-relay does. */
    private RelayEnvironment environment(Call call, FullHttpRequest request) {
        EventRoute route = call.route();
        if (route.kind().credential() == EventKind.Credential.ENV_ID) {
            RelayEnvironment env = byEnvId.get(route.envId());
            if (env == null || env.readiness() == Readiness.REJECTED) {
                refuse(call, null, HttpResponseStatus.NOT_FOUND, "unknown client-side environment ID");
                return null;
            }
            return env;
        }
        boolean mobile = route.kind().credential() == EventKind.Credential.MOBILE_KEY;
        String key = Credentials.sdkKey(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        if (key == null) {
            refuse(call, null, HttpResponseStatus.UNAUTHORIZED, "no or malformed Authorization header");
            return null;
        }
        RelayEnvironment env = mobile ? byMobileKey.get(key) : relay.environmentForSdkKey(key);
        if (env == null) {
            refuse(call, null, HttpResponseStatus.UNAUTHORIZED,
                    "unknown " + (mobile ? "mobile" : "SDK") + " key " + Secrets.mask(key));
            return null;
        }
        if (env.readiness() == Readiness.REJECTED) {
            refuse(call, env, HttpResponseStatus.UNAUTHORIZED, "upstream rejected this environment's SDK key");
            return null;
        }
        // Unlike ld-relay, events are taken while the environment initializes: they need no flag data.
        return env;
    }

    /** The request's headers for the forwarder, without credentials (it uses the environment's own). */
    private static Map<String, String> sdkHeaders(HttpHeaders headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers) {
            String name = h.getKey();
            if (!name.equalsIgnoreCase("Authorization") && !name.equalsIgnoreCase("Cookie")) {
                map.putIfAbsent(name, h.getValue());
            }
        }
        return map;
    }

    private void refuse(Call call, RelayEnvironment env, HttpResponseStatus status, String message) {
        send(call, env, Responses.error(status, message), message);
    }

    private void send(Call call, RelayEnvironment env, FullHttpResponse response, String reason) {
        RequestInfo info = call.info();
        if (call.route().kind().credential() == EventKind.Credential.ENV_ID) {
            addCors(response, call, env);
        }
        relay.requests().record(env == null ? null : env.name(), info.remoteAddress(), info.method(), info.path(),
                response.status().code(), response.content().readableBytes(), info.userAgent(), reason);
        call.ctx().writeAndFlush(response);
    }

    /** ld-relay's CORS headers for client-side routes (reference §1.4). */
    private static void addCors(FullHttpResponse response, Call call, RelayEnvironment env) {
        EnvironmentConfig config = env == null ? null : env.config();
        String origin = call.origin();
        String allowed;
        if (config != null && !config.allowedOrigin().isEmpty()) {
            allowed = origin != null && config.allowedOrigin().contains(origin) ? origin : config.allowedOrigin().get(0);
        } else {
            allowed = origin != null ? origin : "*";
        }
        String headers = config == null || config.allowedHeader().isEmpty() ? CORS_HEADERS
                : CORS_HEADERS + ", " + String.join(", ", config.allowedHeader());
        EventRoute route = call.route();
        response.headers()
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, allowed)
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "false")
                .set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "300")
                .set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, "Date")
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, headers)
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, route.method() + ",OPTIONS");
    }
}
