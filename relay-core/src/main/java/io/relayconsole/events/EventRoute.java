package io.relayconsole.events;

import java.util.Optional;

/**
 * The inbound event endpoints of ld-relay v8 (reference §1.2–1.4): {@code POST /bulk}, {@code /diagnostic},
 * {@code /mobile}, {@code /mobile/events}, {@code /mobile/events/bulk}, {@code /mobile/events/diagnostic},
 * {@code /events/bulk/{envId}}, {@code /events/diagnostic/{envId}} and the image beacon
 * {@code GET /a/{envId}.gif?d=...}. The route table lives here so the HTTP server only asks "is this an events
 * request?".
 *
 * @param envId  the client-side ID from the path; null for server and mobile routes
 * @param beacon the {@code .gif} route: events come base64-encoded in the query, the answer is an image
 */
public record EventRoute(EventKind kind, String envId, boolean beacon) {

    /** The route for a raw path (no query), whatever the method; empty when it is not an events path. */
    public static Optional<EventRoute> match(String rawPath) {
        EventKind fixed = switch (rawPath) {
            case "/bulk" -> EventKind.SERVER;
            case "/diagnostic" -> EventKind.SERVER_DIAGNOSTIC;
            case "/mobile", "/mobile/events", "/mobile/events/bulk" -> EventKind.MOBILE;
            case "/mobile/events/diagnostic" -> EventKind.MOBILE_DIAGNOSTIC;
            default -> null;
        };
        if (fixed != null) {
            return Optional.of(new EventRoute(fixed, null, false));
        }
        return withEnvId(rawPath, "/events/bulk/", "", EventKind.CLIENT_SIDE, false)
                .or(() -> withEnvId(rawPath, "/events/diagnostic/", "", EventKind.CLIENT_SIDE_DIAGNOSTIC, false))
                .or(() -> withEnvId(rawPath, "/a/", ".gif", EventKind.CLIENT_SIDE, true));
    }

    /** The HTTP method the route takes ({@code OPTIONS} is also answered on client-side routes, for CORS). */
    public String method() {
        return beacon ? "GET" : "POST";
    }

    private static Optional<EventRoute> withEnvId(String path, String prefix, String suffix, EventKind kind,
                                                  boolean beacon) {
        if (!path.startsWith(prefix) || !path.endsWith(suffix)) {
            return Optional.empty();
        }
        String envId = path.substring(prefix.length(), path.length() - suffix.length());
        // An env ID is a plain token (24 hex characters at LaunchDarkly); anything else is not this route.
        if (envId.isEmpty() || !envId.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            return Optional.empty();
        }
        return Optional.of(new EventRoute(kind, envId, beacon));
    }
}
