package io.relayconsole.upstream;

import java.io.IOException;

/** Short, log-friendly descriptions of connection failures (no stack traces, no credentials). */
final class UpstreamErrors {
    private UpstreamErrors() {
    }

    static String describe(Throwable t) {
        Throwable cause = t;
        // Unwrap the library's wrappers to the I/O problem a user can act on.
        while (cause.getCause() != null && !(cause instanceof IOException && cause.getMessage() != null)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String type = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
