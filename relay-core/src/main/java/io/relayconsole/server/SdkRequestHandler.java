package io.relayconsole.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.relayconsole.config.Secrets;
import io.relayconsole.metrics.SdkMeters;
import com.launchdarkly.sdk.LDContext;
import io.relayconsole.evaluation.Contexts;
import io.relayconsole.serving.CredentialKind;
import io.relayconsole.serving.Readiness;
import io.relayconsole.serving.ServedRelay;
import io.relayconsole.serving.ServedEnvironment;
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

    private final ServedRelay relay;
    private final Map<String, EnvironmentFeed> feeds;
    private final StreamOpener streams;
    private final PollingEndpoints polling;
    private final StatusEndpoints status;
    private final EventEndpoints events;
    private final ProbeEndpoints probes;
    private final SdkMeters meters;
    private final ClientSide clientSide;

    SdkRequestHandler(ServedRelay relay, Map<String, EnvironmentFeed> feeds, StreamOpener streams,
                      ClientSide clientSide, SdkMeters meters) {
        this.relay = relay;
        this.feeds = feeds;
        this.streams = streams;
        this.clientSide = clientSide;
        this.polling = new PollingEndpoints(relay.clock());
        this.status = new StatusEndpoints(relay);
        this.events = new EventEndpoints();
        this.probes = new ProbeEndpoints(relay);
        this.meters = meters;
    }

    /**
     * One request being answered: where the answer goes, what is logged, which route it took (if any), and when it
     * started (for the request-duration meter).
     */
    private record Call(ChannelHandlerContext ctx, RequestInfo info, FullHttpRequest request, Route route,
                        long started) {
    }

    /**
     * Whether {@code request} can be answered without waiting on a store: a route that reads no data (status,
     * events, which are only queued), a refused credential, or an environment whose data is in memory now. Such
     * requests need not leave the I/O thread.
     */
    boolean answersWithoutWaiting(FullHttpRequest request) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        Route.Match match;
        try {
            match = Route.match(query >= 0 ? uri.substring(0, query) : uri).orElse(null);
        } catch (IllegalArgumentException e) {
            return true; // refused as malformed
        }
        if (match != null && match.route().endpoint() == Route.Endpoint.READY) {
            return false; // readiness may ask a store without a cache whether it holds data
        }
        if (match == null || match.route().credential() == null || match.route().endpoint() == Route.Endpoint.EVENTS) {
            return true;
        }
        if (match.route().endpoint() == Route.Endpoint.EVALX) {
            return false; // evaluating every flag is work for a request thread, not an I/O thread
        }
        ServedEnvironment env = relay.environmentFor(match.route().credential(), credential(match, request));
        return env == null || env.answersFromMemory();
    }

    /** Answers {@code request}; the caller releases it afterwards. */
    void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        Call call = new Call(ctx, RequestInfo.of(ctx.channel(), request), request, null, System.nanoTime());
        try {
            dispatch(call);
        } catch (RuntimeException e) {
            // A bug or an unexpected store failure answers this request only; the server carries on.
            LOG.error("Failed to answer {} {}", call.info().method(), call.info().path(), e);
            refuse(call, null, HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error", true);
        }
    }

    private void dispatch(Call unrouted) {
        DecoderResult decoded = unrouted.request().decoderResult();
        if (decoded.isFailure()) {
            refuseMalformed(unrouted, decoded.cause());
            return;
        }
        Optional<Route.Match> found;
        try {
            found = Route.match(unrouted.info().path());
        } catch (IllegalArgumentException e) {
            refuse(unrouted, null, HttpResponseStatus.BAD_REQUEST, "malformed path: " + e.getMessage(), true);
            return;
        }
        if (found.isEmpty()) {
            refuse(unrouted, null, HttpResponseStatus.NOT_FOUND, "unknown route", false);
            return;
        }
        Route.Match match = found.get();
        Route route = match.route();
        // A context in the path is the user's attributes, base64-encoded: the request log shows only that one was there.
        RequestInfo info = match.context() == null ? unrouted.info()
                : unrouted.info().withPath(unrouted.info().path().replace(match.context(), "{context}"));
        Call call = new Call(unrouted.ctx(), info, unrouted.request(), route, unrouted.started());
        HttpMethod method = call.request().method();
        if (!route.allows(method)) {
            FullHttpResponse r = Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "Method " + method + " is not allowed here");
            r.headers().set(HttpHeaderNames.ALLOW, route.allowHeader());
            send(call, null, r, "method " + method + " not allowed", false);
            return;
        }
        switch (route.endpoint()) {
            case STATUS -> answerProbe(call, status.status());
            case HEALTH -> answerProbe(call, status.health());
            case ENVIRONMENT_STATUS -> answerProbe(call, status.environment(match.params().get("env")));
            case LIVE -> answerProbe(call, probes.live());
            case READY -> answerProbe(call, probes.ready());
            default -> answerForEnvironment(call, match);
        }
    }

    /** Status and probe answers are counted but not logged: orchestrators poll them every few seconds. */
    private void answerProbe(Call call, FullHttpResponse response) {
        count(call, null, response.status().code());
        call.ctx().writeAndFlush(response);
    }

    private void count(Call call, ServedEnvironment env, int statusCode) {
        meters.requestAnswered(env == null ? null : env.name(), call.route() == null ? null : call.route().label(),
                call.info().method(), statusCode, System.nanoTime() - call.started());
    }

    private void answerForEnvironment(Call call, Route.Match match) {
        ServedEnvironment env = authenticate(call, match);
        if (env == null) {
            return;
        }
        if (HttpMethod.OPTIONS.equals(call.request().method())) {
            FullHttpResponse preflight = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            preflight.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            send(call, env, preflight, null, false);
            return;
        }
        if (call.route().endpoint() == Route.Endpoint.EVENTS) {
            // Unlike ld-relay, events are taken while the environment initializes: they need no flag data.
            EventEndpoints.Reply reply = events.accept(call.route().eventKind(), call.route(), call.request(),
                    call.info(), env);
            send(call, env, reply.response(), reply.reason(), false);
            return;
        }
        Readiness readiness = env.readiness();
        if (readiness == Readiness.NOT_READY) {
            String why = env.isRunning() ? "environment not initialized yet" : "environment stopped";
            refuse(call, env, HttpResponseStatus.SERVICE_UNAVAILABLE, why, false);
            return;
        }
        if (new QueryStringDecoder(call.info().uri()).parameters().containsKey("filter")) {
            refuse(call, env, HttpResponseStatus.NOT_FOUND, "payload filters are not supported", false);
            return;
        }
        EnvironmentFeed feed = feeds.get(env.name());
        switch (call.route().endpoint()) {
            case STREAM -> openStream(call, env, feed, call.route() == Route.STREAM_ALL ? StreamKind.ALL
                    : StreamKind.FLAGS);
            case EVALX, CLIENT_STREAM -> evaluate(call, env, match);
            case GOALS -> clientSide.goals().fetch(match.envId(), call.info().userAgent()).thenAccept(r -> send(call,
                    env, r, r.status().code() >= 400 ? "goals upstream answered " + r.status().code() : null, false));
            default -> poll(call, env, feed, match);
        }
    }

    /** An evalx request or a client-side/mobile stream: 400/415 for a bad context, 503 if the data is unreadable. */
    private void evaluate(Call call, ServedEnvironment env, Route.Match match) {
        try {
            if (call.route().endpoint() == Route.Endpoint.CLIENT_STREAM) {
                clientSide.streams().open(call.ctx().channel(), call.info(), match, call.request(), env);
                count(call, env, HttpResponseStatus.OK.code());
            } else {
                EvalEndpoints.Answer answer = clientSide.evalx().serve(match, call.request(), env);
                FullHttpResponse r = answer.response();
                send(call, env, r, r.status().code() >= 400 ? r.status().reasonPhrase().toLowerCase() : null, false,
                        answer.context());
            }
        } catch (ClientRequests.Refusal r) {
            refuse(call, env, r.status(), r.getMessage(), false);
        } catch (StoreException e) {
            refuse(call, env, HttpResponseStatus.SERVICE_UNAVAILABLE, "data store unavailable: " + e.getMessage(),
                    false);
        }
    }

    /** The credential as the route takes it: from {@code Authorization}, or the environment ID in the path. */
    private static String credential(Route.Match match, FullHttpRequest request) {
        return match.route().credential() == CredentialKind.ENVIRONMENT_ID ? match.envId()
                : Credentials.sdkKey(request.headers().get(HttpHeaderNames.AUTHORIZATION));
    }

    /**
     * The environment the request's credential names, or null after answering as ld-relay does: 401 for a missing,
     * unknown or upstream-rejected SDK or mobile key, 404 for an unknown client-side ID.
     */
    private ServedEnvironment authenticate(Call call, Route.Match match) {
        CredentialKind kind = call.route().credential();
        String credential = credential(match, call.request());
        boolean byId = kind == CredentialKind.ENVIRONMENT_ID;
        if (credential == null) {
            String header = call.request().headers().get(HttpHeaderNames.AUTHORIZATION);
            refuse(call, null, HttpResponseStatus.UNAUTHORIZED,
                    header == null ? "no Authorization header" : "malformed Authorization header", false);
            return null;
        }
        ServedEnvironment env = relay.environmentFor(kind, credential);
        if (env == null || byId && env.readiness() == Readiness.REJECTED) {
            refuse(call, null, byId ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.UNAUTHORIZED, byId
                    ? "unknown client-side environment ID"
                    : "unknown " + (kind == CredentialKind.MOBILE_KEY ? "mobile" : "SDK") + " key "
                    + Secrets.mask(credential), false);
            return null;
        }
        if (env.readiness() == Readiness.REJECTED) {
            refuse(call, env, HttpResponseStatus.UNAUTHORIZED, "upstream rejected this SDK key", false);
            return null;
        }
        return env;
    }

    private void openStream(Call call, ServedEnvironment env, EnvironmentFeed feed, StreamKind kind) {
        try {
            streams.open(call.ctx().channel(), call.info(), env, feed, kind);
            count(call, env, HttpResponseStatus.OK.code());
        } catch (StoreException e) {
            refuse(call, env, HttpResponseStatus.SERVICE_UNAVAILABLE, "data store unavailable: " + e.getMessage(),
                    false);
        }
    }

    private void poll(Call call, ServedEnvironment env, EnvironmentFeed feed, Route.Match match) {
        FullHttpResponse response;
        try {
            response = polling.serve(match, call.request(), env, feed.payloads());
        } catch (StoreException e) {
            refuse(call, env, HttpResponseStatus.SERVICE_UNAVAILABLE, "data store unavailable: " + e.getMessage(),
                    false);
            return;
        }
        String reason = response.status().code() == 404 ? "no such item" : null;
        send(call, env, response, reason, false);
    }

    private void refuseMalformed(Call call, Throwable cause) {
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
        refuse(call, null, status, reason, true);
    }

    private void refuse(Call call, ServedEnvironment env, HttpResponseStatus status, String reason, boolean close) {
        send(call, env, Responses.error(status, capitalize(reason)), reason, close);
    }

    /** Logs and writes the answer; client-side routes carry CORS headers on every answer, refusals included. */
    private void send(Call call, ServedEnvironment env, FullHttpResponse response, String reason, boolean close) {
        send(call, env, response, reason, close, null);
    }

    /** {@code context}: the context an evaluation request evaluated, kept with its log entry for the console. */
    private void send(Call call, ServedEnvironment env, FullHttpResponse response, String reason, boolean close,
                      LDContext context) {
        RequestInfo info = call.info();
        if (call.route() != null && call.route().credential() == CredentialKind.ENVIRONMENT_ID) {
            Cors.addHeaders(response, call.request().headers().get(HttpHeaderNames.ORIGIN),
                    env == null ? null : env.config(), call.route().allowHeader());
        }
        relay.requests().record(env == null ? null : env.name(), info.remoteAddress(), info.method(), info.path(),
                response.status().code(), response.content().readableBytes(), info.userAgent(), reason,
                context == null ? null : Contexts.kinds(context), context == null ? null : Contexts.json(context));
        count(call, env, response.status().code());
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            call.ctx().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            call.ctx().writeAndFlush(response);
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
