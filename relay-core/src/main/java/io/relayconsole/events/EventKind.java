package io.relayconsole.events;

import java.util.Optional;

/**
 * What an SDK posted: analytics or diagnostic events, from a server-side, mobile or client-side (browser) SDK.
 * Each kind has the credential its inbound routes take and the path ld-relay forwards it to (reference §1.6).
 */
public enum EventKind {
    SERVER("/bulk", Credential.SDK_KEY, false),
    SERVER_DIAGNOSTIC("/diagnostic", Credential.SDK_KEY, true),
    MOBILE("/mobile", Credential.MOBILE_KEY, false),
    MOBILE_DIAGNOSTIC("/mobile/events/diagnostic", Credential.MOBILE_KEY, true),
    CLIENT_SIDE("/events/bulk/", Credential.ENV_ID, false),
    CLIENT_SIDE_DIAGNOSTIC("/events/diagnostic/", Credential.ENV_ID, true);

    /** How an SDK of this kind identifies its environment. */
    public enum Credential {
        /** {@code Authorization} header, {@code sdk-...} */
        SDK_KEY,
        /** {@code Authorization} header, {@code mob-...} */
        MOBILE_KEY,
        /** the client-side ID in the URL path */
        ENV_ID
    }

    private final String outboundPath;
    private final Credential credential;
    private final boolean diagnostic;

    EventKind(String outboundPath, Credential credential, boolean diagnostic) {
        this.outboundPath = outboundPath;
        this.credential = credential;
        this.diagnostic = diagnostic;
    }

    public Credential credential() {
        return credential;
    }

    /** Diagnostic payloads are one JSON object each, forwarded one by one; analytics payloads are arrays. */
    public boolean isDiagnostic() {
        return diagnostic;
    }

    /** The path on {@code eventsUri} that ld-relay posts this kind to; client-side paths end in the env ID. */
    String outboundPath(String envId) {
        return credential == Credential.ENV_ID ? outboundPath + envId : outboundPath;
    }

    /**
     * The kind LaunchDarkly's events service receives on {@code path} (what the relay forwards to, and what the
     * built-in upstream accepts); empty for any other path.
     */
    public static Optional<EventKind> ofServicePath(String path) {
        for (EventKind kind : values()) {
            boolean matches = kind.credential == Credential.ENV_ID
                    ? path.startsWith(kind.outboundPath) && path.length() > kind.outboundPath.length()
                    && path.indexOf('/', kind.outboundPath.length()) < 0
                    : path.equals(kind.outboundPath);
            if (matches) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** How the console names it: "server", "mobile diagnostic", ... */
    public String label() {
        String platform = switch (credential) {
            case SDK_KEY -> "server";
            case MOBILE_KEY -> "mobile";
            case ENV_ID -> "client-side";
        };
        return diagnostic ? platform + " diagnostic" : platform;
    }
}
