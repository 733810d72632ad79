package io.relayconsole.serving;

import java.time.Instant;

/**
 * An immutable view of one connected SDK (a stream) for the console and {@code /status}. For client-side and mobile
 * streams, {@code contextKind} is the evaluated context's kind (e.g. {@code user}, {@code org+user}) and
 * {@code context} its JSON, attributes included: the console shows the JSON only when the operator asks, and
 * nothing else publishes it. Both are null for server-side streams.
 */
public record SdkConnectionInfo(
        long id,
        String environment,
        String remoteAddress,
        String userAgent,
        String wrapper,
        String tags,
        String path,
        Mode mode,
        Instant connectedSince,
        long eventsSent,
        long bytesSent,
        Instant lastActivity,
        String contextKind,
        String context) {

    /** A connection with no context (server-side SDKs). */
    public SdkConnectionInfo(long id, String environment, String remoteAddress, String userAgent, String wrapper,
                             String tags, String path, Mode mode, Instant connectedSince, long eventsSent,
                             long bytesSent, Instant lastActivity) {
        this(id, environment, remoteAddress, userAgent, wrapper, tags, path, mode, connectedSince, eventsSent,
                bytesSent, lastActivity, null, null);
    }

    public enum Mode { STREAM, POLL }
}
