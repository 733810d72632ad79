package io.relayconsole.server;

/** The SDK streams: two server-side, and the client-side/mobile ones. */
enum StreamKind {
    /** {@code /all}: flags and segments, paths {@code /flags/<key>} and {@code /segments/<key>}. */
    ALL,
    /** {@code /flags}: the legacy flags-only stream, paths {@code /<key>}. */
    FLAGS,
    /** {@code /eval}, {@code /meval}: one context's evaluated flags ({@link ClientStreams}). */
    EVAL,
    /** {@code /ping}, {@code /mping}: {@code ping} only. */
    PING
}
