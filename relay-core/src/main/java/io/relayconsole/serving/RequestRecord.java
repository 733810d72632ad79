package io.relayconsole.serving;

import java.time.Instant;

/**
 * One SDK request that was not a long-lived stream (a poll), or any request that was refused. {@code environment}
 * is null when the credential matched none; {@code reason} explains a refusal in words. An evaluation request
 * (evalx) carries its context's kind and JSON ({@code contextKind}, {@code context}; null otherwise): the console
 * shows the JSON only when the operator asks.
 */
public record RequestRecord(Instant time, String environment, String remoteAddress, String method, String path,
                            int status, long bytes, String userAgent, String reason, String contextKind,
                            String context) {

    /** A request with no context. */
    public RequestRecord(Instant time, String environment, String remoteAddress, String method, String path,
                         int status, long bytes, String userAgent, String reason) {
        this(time, environment, remoteAddress, method, path, status, bytes, userAgent, reason, null, null);
    }
}
