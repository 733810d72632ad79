package io.relayconsole.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The {@link BareBroadcaster} in its own JVM, started with the same JVM options as the relay. */
public final class BareUnderTest implements AutoCloseable {
    private final ChildProcess process;
    private final int port;

    private BareUnderTest(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code putEventData}: the exact data line of the relay's {@code put}, so both send the same bytes. */
    public static BareUnderTest start(byte[] putEventData) throws IOException {
        Path file = Files.createTempFile("bench-put-", ".json");
        Files.write(file, putEventData);
        file.toFile().deleteOnExit();
        int port = ChildProcess.freePort();
        String classPath = System.getProperty("java.class.path");
        ChildProcess process = ChildProcess.start("bare", ChildProcess.java("-cp", classPath,
                BareBroadcaster.class.getName(), Integer.toString(port), file.toString()), Map.of());
        process.awaitPort(port, 30_000);
        return new BareUnderTest(process, port);
    }

    public int port() {
        return port;
    }

    public ChildProcess process() {
        return process;
    }

    /** A connection ready to send one broadcast, so that timing starts at the write, not at a TCP connect. */
    public Sender sender(String patchData) throws IOException {
        byte[] body = patchData.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /broadcast HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        Socket socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        return new Sender(socket, request);
    }

    public record Sender(Socket socket, byte[] request) implements AutoCloseable {
        public void send() throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
