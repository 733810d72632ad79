package io.relayconsole.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.relayconsole.config.EnvironmentConfig;

/**
 * ld-relay's CORS headers for the client-side routes (reference §1.4): the request's origin is echoed unless the
 * environment restricts origins ({@code allowedOrigin}); {@code allowedHeader} adds to the allowed headers.
 */
final class Cors {
    private static final String ALLOWED_HEADERS = "Cache-Control, Content-Type, Content-Length, Accept-Encoding, "
            + "X-LaunchDarkly-User-Agent, X-LaunchDarkly-Payload-ID, X-LaunchDarkly-Wrapper, "
            + "X-LaunchDarkly-Event-Schema, X-LaunchDarkly-Tags";

    private Cors() {
    }

    /** Adds the headers; {@code env} is null when the request named no known environment. */
    static void addHeaders(HttpResponse response, String origin, EnvironmentConfig env, String methods) {
        String allowed;
        if (env != null && !env.allowedOrigin().isEmpty()) {
            allowed = origin != null && env.allowedOrigin().contains(origin) ? origin : env.allowedOrigin().get(0);
        } else {
            allowed = origin != null ? origin : "*";
        }
        String headers = env == null || env.allowedHeader().isEmpty() ? ALLOWED_HEADERS
                : ALLOWED_HEADERS + ", " + String.join(", ", env.allowedHeader());
        response.headers()
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, allowed)
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "false")
                .set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "300")
                .set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, "Date")
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, headers)
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, methods);
    }
}
