package io.relayconsole.server;

/** The two server-side SDK streams. */
enum StreamKind {
    /** {@code /all}: flags and segments, paths {@code /flags/<key>} and {@code /segments/<key>}. */
    ALL,
    /** {@code /flags}: the legacy flags-only stream, paths {@code /<key>}. */
    FLAGS
}
