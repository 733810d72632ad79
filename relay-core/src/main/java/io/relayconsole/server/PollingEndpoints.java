package io.relayconsole.server;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.serving.ServedEnvironment;
import io.relayconsole.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/**
 * The polling endpoints: LaunchDarkly's {@code /sdk/latest-*} documents and ld-relay's PHP endpoints. Whole
 * documents come from the per-version cache; single items are read from the store.
 */
final class PollingEndpoints {
    private final Clock clock;

    PollingEndpoints(Clock clock) {
        this.clock = clock;
    }

    /**
     * The response to a poll: 200 with the document, 304 if the client's copy is current, 404 for an absent
     * or deleted item.
     *
     * @throws StoreException when the store cannot be read (the caller answers 503)
     */
    FullHttpResponse serve(Route.Match match, HttpRequest request, ServedEnvironment env, PayloadCache cache) {
        Route route = match.route();
        boolean php = route.isPhp();
        Duration ttl = php ? env.config().ttl() : Duration.ZERO;
        EncodedBody body;
        DataKind itemKind = route.itemKind();
        if (itemKind != null) {
            Item item = env.item(itemKind, match.key());
            if (item == null || item.deleted()) {
                String what = itemKind == DataKind.FEATURES ? "flag" : "segment";
                return Responses.error(HttpResponseStatus.NOT_FOUND, "No " + what + " with that key");
            }
            body = php ? EncodedBody.withEtag(item.json(), "relay-" + item.version()) : EncodedBody.of(item.json());
        } else {
            DataVersionPayloads p = cache.forData(env.currentData());
            body = switch (route) {
                case LATEST_ALL -> p.latestAll();
                case LATEST_FLAGS -> p.flagsMap();
                case LATEST_SEGMENTS -> p.segmentsMap();
                case PHP_FLAGS -> p.phpFlags();
                default -> throw new IllegalArgumentException("not a polling route: " + route);
            };
        }
        return respond(request, body, ttl);
    }

    private FullHttpResponse respond(HttpRequest request, EncodedBody body, Duration ttl) {
        boolean gzip = ConditionalRequests.acceptsGzip(request);
        String etag = gzip ? ConditionalRequests.gzipEtag(body.etag()) : body.etag();
        FullHttpResponse response;
        if (ConditionalRequests.notModified(request, body.etag())) {
            response = Responses.notModified();
        } else {
            SharedBytes bytes = gzip ? body.gzip() : body.plain();
            response = Responses.json(HttpResponseStatus.OK, bytes.view());
            if (gzip) {
                response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
            }
        }
        response.headers().set(HttpHeaderNames.ETAG, etag);
        if (!ttl.isZero() && !ttl.isNegative()) {
            response.headers().set(HttpHeaderNames.VARY, "Authorization, Accept-Encoding");
            response.headers().set(HttpHeaderNames.EXPIRES,
                    DateFormatter.format(Date.from(clock.instant().plus(ttl))));
        } else {
            response.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
        }
        return response;
    }
}
