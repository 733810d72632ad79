package io.relayconsole.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for an SDK in proxy mode: a real HTTP client that opens the relay's {@code /all} stream and keeps
 * it open, as an SDK does, but makes exactly the requests a scenario asks for (an SDK's own retries would blur
 * the diagram). Its User-Agent carries its name, so the timeline tells the stand-ins apart.
 */
public final class DemoSdk implements AutoCloseable {
    public static final String USER_AGENT_PREFIX = "RelayConsoleDemoSdk/1.0";
    private static final int READ_TIMEOUT_MS = 5_000;

    private final String name;
    private final int port;
    private final String sdkKey;
    private Socket stream;

    /** What one request got: the HTTP status and, when served, whether the initial {@code put} arrived. */
    public record Outcome(int status, boolean receivedData) {
        public boolean served() {
            return status == 200 && receivedData;
        }
    }

    public DemoSdk(String name, int relayPort, String sdkKey) {
        this.name = name;
        this.port = relayPort;
        this.sdkKey = sdkKey;
    }

    public String name() {
        return name;
    }

    public String userAgent() {
        return USER_AGENT_PREFIX + " (" + name + ")";
    }

    /** Opens the stream (closing one this SDK had open); a served stream stays open until {@link #close()}. */
    public synchronized Outcome connect() throws IOException {
        close();
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        boolean keep = false;
        try {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /all HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + sdkKey
                    + "\r\nUser-Agent: " + userAgent() + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            if (statusLine == null || statusLine.split(" ").length < 2) {
                throw new IOException("the relay closed the connection without answering");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            if (status != 200) {
                return new Outcome(status, false);
            }
            boolean put = waitForPut(in);
            keep = true;
            stream = socket;
            drain(socket, in);
            return new Outcome(status, put);
        } finally {
            if (!keep) {
                socket.close();
            }
        }
    }

    /** Reads the stream until it ends, so the relay never sees a slow consumer. */
    private void drain(Socket socket, BufferedReader in) throws IOException {
        socket.setSoTimeout(0);
        Thread reader = new Thread(() -> {
            try {
                while (in.readLine() != null) {
                    // updates and heartbeats: the stand-in only needs the connection
                }
            } catch (IOException e) {
                // closed
            }
        }, "demo-sdk-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private static boolean waitForPut(BufferedReader in) throws IOException {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("event: put")) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false; // connected but silent: the relay has no data yet
        }
    }

    @Override
    public synchronized void close() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // already closed by the relay
            }
            stream = null;
        }
    }
}
