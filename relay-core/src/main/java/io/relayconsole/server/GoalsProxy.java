package io.relayconsole.server;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /sdk/goals/{envId}}: the browser SDK's click and page-view goals, fetched from {@code clientSideBaseUri}
 * as ld-relay does (reference §1.4). Upstream's CORS headers are not passed on; the server adds the relay's own.
 * Asynchronous, so a slow upstream holds no request thread.
 */
final class GoalsProxy {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI clientSideBaseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    GoalsProxy(URI clientSideBaseUri) {
        this.clientSideBaseUri = clientSideBaseUri;
    }

    /** Upstream's answer (status, JSON body), or 502 when upstream cannot be reached. */
    CompletableFuture<FullHttpResponse> fetch(String envId, String userAgent) {
        String base = clientSideBaseUri.toString().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/sdk/goals/"
                + java.net.URLEncoder.encode(envId, java.nio.charset.StandardCharsets.UTF_8))).timeout(TIMEOUT).GET();
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> {
                    FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                            HttpResponseStatus.valueOf(r.statusCode()), Unpooled.wrappedBuffer(r.body()));
                    out.headers().set(HttpHeaderNames.CONTENT_TYPE,
                            r.headers().firstValue("Content-Type").orElse(Responses.JSON));
                    out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
                    return out;
                })
                .exceptionally(e -> Responses.error(HttpResponseStatus.BAD_GATEWAY,
                        "Goals are unavailable: " + clientSideBaseUri.getHost() + " could not be reached"));
    }
}
