package io.relayconsole.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.relayconsole.events.Acceptance;
import io.relayconsole.events.EventForwarder;
import io.relayconsole.events.EventKind;
import io.relayconsole.serving.ServedEnvironment;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event endpoints (reference §1.6): hands an authenticated payload to the environment's {@link EventForwarder}
 * and answers 202. Never waits on the network or a store, so it runs on the I/O thread. With {@code sendEvents}
 * off, ld-relay's 503 "Event proxy is not enabled for this environment"; in offline mode 202 and the events are dropped.
 */
final class EventEndpoints {
    // ld-relay's transparent 1x1 GIF, the answer to every image beacon.
    private static final byte[] TRANSPARENT_GIF =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /** The answer, and the reason to log when it is not a plain acceptance. */
    record Reply(FullHttpResponse response, String reason) {
    }

    Reply accept(EventKind kind, Route route, FullHttpRequest request, RequestInfo info, ServedEnvironment env) {
        if (env.discardsEvents()) {
            return route == Route.CLIENT_EVENTS_BEACON ? new Reply(gif(), null) : new Reply(accepted(), null);
        }
        Optional<EventForwarder> forwarder = env.eventForwarder();
        if (forwarder.isEmpty()) {
            return refused(HttpResponseStatus.SERVICE_UNAVAILABLE, "Event proxy is not enabled for this environment");
        }
        Map<String, String> headers = sdkHeaders(request.headers());
        if (route == Route.CLIENT_EVENTS_BEACON) {
            List<String> d = new QueryStringDecoder(info.uri()).parameters().get("d");
            Acceptance a = forwarder.get().acceptBeacon(d == null ? null : d.get(0), headers);
            // The image answers whatever the events were, as in ld-relay; a refusal shows in the stats.
            return new Reply(gif(), a.accepted() ? null : a.message());
        }
        Acceptance a = forwarder.get().accept(kind, ByteBufUtil.getBytes(request.content()), headers);
        if (!a.accepted()) {
            return refused(HttpResponseStatus.valueOf(a.status()), a.message());
        }
        return new Reply(accepted(), null);
    }

    private static FullHttpResponse accepted() {
        FullHttpResponse accepted = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.ACCEPTED);
        accepted.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        return accepted;
    }

    private static FullHttpResponse gif() {
        FullHttpResponse gif = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(TRANSPARENT_GIF));
        gif.headers().set(HttpHeaderNames.CONTENT_TYPE, "image/gif")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, TRANSPARENT_GIF.length);
        return gif;
    }

    private static Reply refused(HttpResponseStatus status, String message) {
        return new Reply(Responses.error(status, message), message);
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
}
