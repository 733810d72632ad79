package io.relayconsole.simulator;

/** A connected stream as an environment sees it; both methods only enqueue and never block. */
interface StreamSink {

    void send(String event, byte[] data);

    /** Ends the stream (the client sees the connection close). */
    void close();
}
