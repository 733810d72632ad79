package io.relayconsole.serving;

import java.time.Instant;

/** An immutable view of one connected SDK (a stream) for the console and {@code /status}. */
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
        Instant lastActivity) {

    public enum Mode { STREAM, POLL }
}
