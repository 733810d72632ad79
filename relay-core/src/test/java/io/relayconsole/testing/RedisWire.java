package io.relayconsole.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Talks to a Redis port over a plain socket, as the simplest client would, to see what any client sees. */
public final class RedisWire {
    private RedisWire() {
    }

    public static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Sends an inline command such as {@code PING} and returns the first line of the reply, or null when closed. */
    public static String command(Socket socket, String command) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder reply = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            reply.append((char) c);
        }
        return c < 0 ? null : reply.toString().strip();
    }

    /** Sends PING and returns the reply line, or null when the connection is closed. */
    public static String ping(Socket socket) throws IOException {
        return command(socket, "PING");
    }

    /** Like {@link #ping}, but a reset connection also counts as closed (null). */
    public static String pingOrClosed(Socket socket) {
        try {
            return ping(socket);
        } catch (IOException e) {
            return null; // reset: as closed as it gets
        }
    }

    /**
     * A connection to {@code port} is refused. The port came from the ephemeral range, so once nobody listens on
     * it the kernel may, rarely, pick it as the client's own port and connect the socket to itself: that is not
     * a server answering, so it is tried again.
     */
    public static void assertRefused(int port) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Socket socket = connect(port)) {
                if (socket.getLocalPort() != socket.getPort()) {
                    throw new AssertionError("something still accepts connections on port " + port);
                }
            } catch (ConnectException refused) {
                return;
            }
        }
        throw new AssertionError("could not get a refusal in three attempts");
    }
}
