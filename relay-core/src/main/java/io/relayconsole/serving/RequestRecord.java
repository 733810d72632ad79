package io.relayconsole.serving;

import java.time.Instant;

/**
 * One SDK request that was not a long-lived stream (a poll), or any request that was refused. {@code environment}
 * is null when the credential matched none; {@code reason} explains a refusal in words.
 */
public record RequestRecord(Instant time, String environment, String remoteAddress, String method, String path,
                            int status, long bytes, String userAgent, String reason) {
}
