package io.relayconsole.server;

/**
 * The bounds that keep one client from costing the server unbounded memory or threads.
 *
 * @param maxRequestBodyBytes   larger request bodies are refused with 413
 * @param maxInitialLineLength  a longer request line is refused with 414
 * @param maxHeaderBytes        larger request headers are refused with 431
 * @param maxPendingStreamBytes a stream whose unsent bytes exceed this (beyond its initial {@code put}) is a
 *                              slow consumer and is dropped
 * @param requestThreads        threads that answer requests which may read a (possibly remote) store, so
 *                              the I/O threads never wait on it
 */
public record ServerLimits(int maxRequestBodyBytes, int maxInitialLineLength, int maxHeaderBytes,
                           long maxPendingStreamBytes, int requestThreads) {

    public static ServerLimits defaults() {
        return new ServerLimits(1024 * 1024, 8 * 1024, 16 * 1024, 16L * 1024 * 1024, 16);
    }

    public ServerLimits withMaxPendingStreamBytes(long bytes) {
        return new ServerLimits(maxRequestBodyBytes, maxInitialLineLength, maxHeaderBytes, bytes, requestThreads);
    }

    public ServerLimits withMaxRequestBodyBytes(int bytes) {
        return new ServerLimits(bytes, maxInitialLineLength, maxHeaderBytes, maxPendingStreamBytes, requestThreads);
    }
}
