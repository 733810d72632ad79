package io.relayconsole.server;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.relayconsole.model.DataKind;
import java.util.Optional;

/** The endpoints the server answers. Paths are matched exactly; item keys are URL-decoded. */
enum Route {
    STATUS(false),
    HEALTH(false),
    STREAM_ALL(true),
    STREAM_FLAGS(true),
    LATEST_ALL(true),
    LATEST_FLAGS(true),
    LATEST_FLAG(true),
    LATEST_SEGMENTS(true),
    LATEST_SEGMENT(true),
    PHP_FLAGS(true),
    PHP_FLAG(true),
    PHP_SEGMENT(true);

    private final boolean needsSdkKey;

    Route(boolean needsSdkKey) {
        this.needsSdkKey = needsSdkKey;
    }

    boolean needsSdkKey() {
        return needsSdkKey;
    }

    boolean isStream() {
        return this == STREAM_ALL || this == STREAM_FLAGS;
    }

    /** The kind of the single item this route serves, if it serves one. */
    DataKind itemKind() {
        return switch (this) {
            case LATEST_FLAG, PHP_FLAG -> DataKind.FEATURES;
            case LATEST_SEGMENT, PHP_SEGMENT -> DataKind.SEGMENTS;
            default -> null;
        };
    }

    /** A matched route and, for single-item routes, the decoded key. */
    record Match(Route route, String key) {
    }

    /**
     * Matches a raw request path (no query).
     *
     * @throws IllegalArgumentException when a key is not valid percent-encoding
     */
    static Optional<Match> match(String rawPath) {
        Route fixed = switch (rawPath) {
            case "/status" -> STATUS;
            case "/health", "/healthz" -> HEALTH;
            case "/all" -> STREAM_ALL;
            case "/flags" -> STREAM_FLAGS;
            case "/sdk/latest-all" -> LATEST_ALL;
            case "/sdk/latest-flags" -> LATEST_FLAGS;
            case "/sdk/latest-segments" -> LATEST_SEGMENTS;
            case "/sdk/flags" -> PHP_FLAGS;
            default -> null;
        };
        if (fixed != null) {
            return Optional.of(new Match(fixed, null));
        }
        return keyed(rawPath, "/sdk/latest-flags/", LATEST_FLAG)
                .or(() -> keyed(rawPath, "/sdk/latest-segments/", LATEST_SEGMENT))
                .or(() -> keyed(rawPath, "/sdk/flags/", PHP_FLAG))
                .or(() -> keyed(rawPath, "/sdk/segments/", PHP_SEGMENT));
    }

    private static Optional<Match> keyed(String rawPath, String prefix, Route route) {
        if (!rawPath.startsWith(prefix)) {
            return Optional.empty();
        }
        String rawKey = rawPath.substring(prefix.length());
        if (rawKey.isEmpty() || rawKey.indexOf('/') >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Match(route, QueryStringDecoder.decodeComponent(rawKey)));
    }
}
