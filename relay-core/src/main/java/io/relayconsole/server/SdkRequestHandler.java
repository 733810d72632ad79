package io.relayconsole.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.relayconsole.config.Secrets;
import io.relayconsole.events.EventRoute;
import io.relayconsole.relay.Readiness;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.store.StoreException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one complete request: checks it, authenticates it, and hands it to the stream, polling or status
 * endpoints. Runs on the request threads, not the I/O threads, because reading a persistent store may wait;
 * it is shared by all connections and keeps no per-request state.
 * Every poll and every refusal is recorded in the relay's request log.
 */
final class SdkRequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SdkRequestHandler.class);

    private final Relay relay;
    private final Map<String, EnvironmentFeed> feeds;
    private final StreamOpener streams;
    private final PollingEndpoints polling;
    private final StatusEndpoints status;
    private final EventEndpoints events;

    SdkRequestHandler(Relay relay, Map<String, EnvironmentFeed> feeds, StreamOpener streams) {
        this.relay = relay;
        this.feeds = feeds;
        this.streams = streams;
        this.polling = new PollingEndpoints(relay.clock());
        this.status = new StatusEndpoints(relay);
        this.events = new EventEndpoints(relay);
    }

    /**
     * Whether {@code request} can be answered without waiting on a store: a refused credential, or an
     * environment whose data is in memory now. Such requests need not leave the I/O thread.
     */
    boolean answersWithoutWaiting(FullHttpRequest request) {
        if (EventEndpoints.route(request.uri()).isPresent()) {
            return true; // events are only queued: the I/O thread answers 202 at once
        }
        String key = Credentials.sdkKey(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        RelayEnvironment env = key == null ? null : relay.environmentForSdkKey(key);
        return env == null || env.store().answersFromMemory();
    }

    /** Answers {@code request}; the caller releases it afterwards. */
    void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        RequestInfo info = RequestInfo.of(ctx.channel(), request);
        try {
            dispatch(ctx, info, request);
        } catch (RuntimeException e) {
            // A bug or an unexpected store failure answers this request only; the server carries on.
            LOG.error("Failed to answer {} {}", info.method(), info.path(), e);
            refuse(ctx, info, null, HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error", true);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, RequestInfo info, FullHttpRequest request) {
        DecoderResult decoded = request.decoderResult();
        if (decoded.isFailure()) {
            refuseMalformed(ctx, info, decoded.cause());
            return;
        }
        Optional<EventRoute> eventRoute = EventRoute.match(info.path());
        if (eventRoute.isPresent()) {
            events.handle(ctx, info, request, eventRoute.get());
            return;
        }
        Optional<Route.Match> match;
        try {
            match = Route.match(info.path());
        } catch (IllegalArgumentException e) {
            refuse(ctx, info, null, HttpResponseStatus.BAD_REQUEST, "malformed path: " + e.getMessage(), true);
            return;
        }
        if (match.isEmpty()) {
            refuse(ctx, info, null, HttpResponseStatus.NOT_FOUND, "unknown route", false);
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            FullHttpResponse r = Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "Method " + request.method() + " is not allowed here");
            r.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
            send(ctx, info, null, r, "method " + request.method() + " not allowed", false);
            return;
        }
        Route route = match.get().route();
        if (route == Route.STATUS) {
            ctx.writeAndFlush(status.status());
            return;
        }
        if (route == Route.HEALTH) {
            ctx.writeAndFlush(status.health());
            return;
        }
        RelayEnvironment env = authenticate(ctx, info, request);
        if (env == null) {
            return;
        }
        if (new QueryStringDecoder(info.uri()).parameters().containsKey("filter")) {
            refuse(ctx, info, env.name(), HttpResponseStatus.NOT_FOUND, "payload filters are not supported", false);
            return;
        }
        EnvironmentFeed feed = feeds.get(env.name());
        if (route.isStream()) {
            openStream(ctx, info, env, feed, route == Route.STREAM_ALL ? StreamKind.ALL : StreamKind.FLAGS);
        } else {
            poll(ctx, info, request, env, feed, match.get());
        }
    }

    private RelayEnvironment authenticate(ChannelHandlerContext ctx, RequestInfo info, FullHttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        String key = Credentials.sdkKey(header);
        if (key == null) {
            String why = header == null ? "no Authorization header" : "malformed Authorization header";
            refuse(ctx, info, null, HttpResponseStatus.UNAUTHORIZED, why, false);
            return null;
        }
        RelayEnvironment env = relay.environmentForSdkKey(key);
        if (env == null) {
            refuse(ctx, info, null, HttpResponseStatus.UNAUTHORIZED, "unknown SDK key " + Secrets.mask(key), false);
            return null;
        }
        Readiness readiness = env.readiness();
        if (readiness == Readiness.REJECTED) {
            refuse(ctx, info, env.name(), HttpResponseStatus.UNAUTHORIZED, "upstream rejected this SDK key", false);
            return null;
        }
        if (readiness == Readiness.NOT_READY) {
            String why = env.isRunning() ? "environment not initialized yet" : "environment stopped";
            refuse(ctx, info, env.name(), HttpResponseStatus.SERVICE_UNAVAILABLE, why, false);
            return null;
        }
        return env;
    }

    private void openStream(ChannelHandlerContext ctx, RequestInfo info, RelayEnvironment env, EnvironmentFeed feed,
                            StreamKind kind) {
        try {
            streams.open(ctx.channel(), info, env, feed, kind);
        } catch (StoreException e) {
            refuse(ctx, info, env.name(), HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "data store unavailable: " + e.getMessage(), false);
        }
    }

    private void poll(ChannelHandlerContext ctx, RequestInfo info, FullHttpRequest request, RelayEnvironment env,
                      EnvironmentFeed feed, Route.Match match) {
        FullHttpResponse response;
        try {
            response = polling.serve(match, request, env, feed.payloads());
        } catch (StoreException e) {
            refuse(ctx, info, env.name(), HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "data store unavailable: " + e.getMessage(), false);
            return;
        }
        String reason = response.status().code() == 404 ? "no such item" : null;
        send(ctx, info, env.name(), response, reason, false);
    }

    private void refuseMalformed(ChannelHandlerContext ctx, RequestInfo info, Throwable cause) {
        HttpResponseStatus status;
        String reason;
        if (cause instanceof TooLongHttpHeaderException) {
            status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            reason = "request headers too large";
        } else if (cause instanceof TooLongHttpLineException) {
            status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
            reason = "request line too long";
        } else if (cause instanceof TooLongFrameException) {
            status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            reason = "request too large";
        } else {
            status = HttpResponseStatus.BAD_REQUEST;
            reason = "malformed HTTP request";
        }
        refuse(ctx, info, null, status, reason, true);
    }

    private void refuse(ChannelHandlerContext ctx, RequestInfo info, String env, HttpResponseStatus status,
                        String reason, boolean close) {
        send(ctx, info, env, Responses.error(status, capitalize(reason)), reason, close);
    }

    private void send(ChannelHandlerContext ctx, RequestInfo info, String env, FullHttpResponse response,
                      String reason, boolean close) {
        long bytes = response.content().readableBytes();
        relay.requests().record(env, info.remoteAddress(), info.method(), info.path(), response.status().code(),
                bytes, info.userAgent(), reason);
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response);
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
