package io.relayconsole.app.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal SDK stand-in: opens a server-side SSE stream ({@code GET /all}) on the relay with a chosen
 * User-Agent and keeps it open until closed, so the console sees a connected SDK with a known name and version.
 * Plain socket, so a disconnect from either side is exact.
 */
public final class DemoSdkClient implements AutoCloseable {
    private final Socket socket;
    private final String statusLine;

    private DemoSdkClient(Socket socket, String statusLine) {
        this.socket = socket;
        this.statusLine = statusLine;
    }

    /** Connects and waits for the response's status line (e.g. "HTTP/1.1 200 OK"). */
    public static DemoSdkClient stream(int port, String sdkKey, String userAgent, String wrapper) throws IOException {
        return open(port, "/all", "Authorization: " + sdkKey + "\r\nUser-Agent: " + userAgent + "\r\n"
                + (wrapper == null ? "" : "X-LaunchDarkly-Wrapper: " + wrapper + "\r\n"));
    }

    /**
     * A client-side or mobile stream ({@code /eval/{envId}/{context}}, {@code /meval/{context}}) with the context
     * base64url-encoded into the path, as the browser SDK sends it: its name in X-LaunchDarkly-User-Agent.
     */
    public static DemoSdkClient clientStream(int port, String pathPrefix, String contextJson, String sdkAgent,
                                             String mobileKey) throws IOException {
        String encoded = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(contextJson.getBytes(StandardCharsets.UTF_8));
        return open(port, pathPrefix + encoded, (mobileKey == null ? "X-LaunchDarkly-User-Agent: "
                : "Authorization: " + mobileKey + "\r\nUser-Agent: ") + sdkAgent + "\r\n");
    }

    private static DemoSdkClient open(int port, String path, String headers) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + headers
                + "Accept: text/event-stream\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new DemoSdkClient(socket, readLine(socket.getInputStream()));
    }

    public String statusLine() {
        return statusLine;
    }

    /** Whether the relay closed the stream (reads until end of stream or timeout). */
    public boolean closedByRelay() {
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
