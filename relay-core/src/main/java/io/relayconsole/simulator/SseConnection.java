package io.relayconsole.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client's {@code /all} stream: events are queued by the environment and written by the request's own
 * thread, with a comment line as heartbeat when nothing happens (which also notices a gone client).
 */
final class SseConnection implements StreamSink {
    private static final Frame END = new Frame(null, null);
    private static final byte[] HEARTBEAT = ":\n".getBytes(StandardCharsets.US_ASCII);

    private record Frame(String event, byte[] data) {
    }

    /** What the simulator's current fault means for the next event. */
    interface FaultView {
        UpstreamFault fault();

        long slowMillis();
    }

    private final BlockingQueue<Frame> queue = new LinkedBlockingQueue<>();

    @Override
    public void send(String event, byte[] data) {
        queue.offer(new Frame(event, data));
    }

    @Override
    public void close() {
        queue.offer(END);
    }

    /** Writes until the stream is closed, the client goes away, or a fault cuts an event short. */
    void serve(OutputStream out, Duration heartbeatInterval, FaultView faults) throws IOException, InterruptedException {
        while (true) {
            Frame frame = queue.poll(heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == END) {
                return;
            }
            if (frame == null) {
                out.write(HEARTBEAT);
                out.flush();
                continue;
            }
            UpstreamFault fault = faults.fault();
            if (fault == UpstreamFault.SLOW) {
                Thread.sleep(faults.slowMillis());
            }
            byte[] bytes = encode(frame);
            if (fault == UpstreamFault.DROP_MID_EVENT) {
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                return;
            }
            out.write(bytes);
            out.flush();
        }
    }

    /** {@code event:} before {@code data:}, as the Java SDK requires. */
    static byte[] encode(String event, byte[] data) {
        byte[] head = ("event: " + event + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + data.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(data, 0, bytes, head.length, data.length);
        bytes[bytes.length - 2] = '\n';
        bytes[bytes.length - 1] = '\n';
        return bytes;
    }

    private static byte[] encode(Frame frame) {
        return encode(frame.event(), frame.data());
    }
}
