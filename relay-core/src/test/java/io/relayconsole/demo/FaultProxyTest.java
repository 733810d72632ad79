package io.relayconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.testing.RedisServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy in front of a real redis-server: what a Redis client sees in each state. */
class FaultProxyTest {
    private static RedisServerProcess redis;
    private FaultProxy proxy;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void startProxy() throws IOException {
        proxy = FaultProxy.start("127.0.0.1", redis.port());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    /**
     * A connection to the cut proxy's port is refused. The port came from the ephemeral range, so once nobody
     * listens on it the kernel may, rarely, pick it as the client's own port and connect the socket to itself:
     * that is not the proxy answering, so it is tried again.
     */
    private void assertRefused() throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Socket socket = connect()) {
                if (socket.getLocalPort() != socket.getPort()) {
                    throw new AssertionError("the cut proxy accepted a connection");
                }
            } catch (ConnectException refused) {
                return;
            }
        }
        throw new AssertionError("could not get a refusal in three attempts");
    }

    /** Sends PING and returns Redis's reply line, or null when the connection is closed. */
    private static String ping(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder reply = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            reply.append((char) c);
        }
        return c < 0 ? null : reply.toString().strip();
    }

    @Test
    void passesRedisTrafficThrough() throws IOException {
        try (Socket socket = connect()) {
            assertThat(ping(socket)).isEqualTo("+PONG");
            assertThat(proxy.state()).isEqualTo(FaultProxy.State.PASS);
        }
    }

    @Test
    void aCutDropsOpenConnectionsAndRefusesNewOnesUntilItPassesAgain() throws IOException {
        try (Socket before = connect()) {
            assertThat(ping(before)).isEqualTo("+PONG");

            proxy.cut();

            assertThat(pingOrClosed(before)).isNull();
            assertRefused();
        }

        proxy.pass();

        try (Socket after = connect()) {
            assertThat(ping(after)).isEqualTo("+PONG");
        }
        assertThat(redis.cli("PING")).isEqualTo("PONG"); // the server itself was never touched
    }

    @Test
    void addedLatencyDelaysEveryReplyButLosesNothing() throws IOException {
        proxy.addLatency(Duration.ofMillis(300));

        try (Socket socket = connect()) {
            long start = System.nanoTime();
            assertThat(ping(socket)).isEqualTo("+PONG");
            // A lower bound only: the reply cannot come back before the delay added in each direction.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
        assertThat(proxy.state()).isEqualTo(FaultProxy.State.LATENCY);
    }

    @Test
    void refusesANonsensicalLatencyOrPort() {
        assertThatThrownBy(() -> proxy.addLatency(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultProxy.start("127.0.0.1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String pingOrClosed(Socket socket) {
        try {
            return ping(socket);
        } catch (IOException e) {
            return null; // reset: as closed as it gets
        }
    }
}
