package io.relayconsole.upstream;

import java.time.Instant;

/**
 * The last thing that went wrong with an upstream connection. {@code statusCode} is the HTTP status for
 * {@link Kind#ERROR_RESPONSE}, else 0.
 */
public record ErrorInfo(Kind kind, int statusCode, String message, Instant time) {

    public enum Kind { UNKNOWN, NETWORK_ERROR, ERROR_RESPONSE, INVALID_DATA, STORE_ERROR }

    public static ErrorInfo httpStatus(int statusCode, Instant time) {
        return new ErrorInfo(Kind.ERROR_RESPONSE, statusCode, "HTTP " + statusCode, time);
    }

    public static ErrorInfo of(Kind kind, String message, Instant time) {
        return new ErrorInfo(kind, 0, message, time);
    }

    /**
     * The SDKs' rule: 401, 403 and every other 4xx but 400, 408 and 429 mean the request can never succeed,
     * so the source stops instead of retrying.
     */
    public static boolean isRecoverableStatus(int statusCode) {
        if (statusCode >= 400 && statusCode < 500) {
            return statusCode == 400 || statusCode == 408 || statusCode == 429;
        }
        return true;
    }
}
