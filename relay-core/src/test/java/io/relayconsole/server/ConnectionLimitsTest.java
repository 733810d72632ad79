package io.relayconsole.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.launchdarkly.sdk.server.LDClient;
import io.relayconsole.config.ConnectionLimitsConfig;
import io.relayconsole.config.MetricsConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.metrics.MeterSnapshot;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK port's limits, as a client sees them: half-open connections (headers never finished) are closed after the
 * header timeout, idle keep-alive connections after the idle timeout, connections beyond the maximum get 503; each
 * is counted, and a real Java SDK is served meanwhile.
 */
class ConnectionLimitsTest {
    private final List<SocketChannel> sockets = new ArrayList<>();
    private final List<LDClient> clients = new ArrayList<>();
    private RelayRuntime runtime;

    @AfterEach
    void stop() throws IOException {
        for (SocketChannel s : sockets) {
            s.close();
        }
        for (LDClient c : clients) {
            c.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    private int start(ConnectionLimitsConfig limits) throws InterruptedException {
        RelayConfig base = io.relayconsole.metrics.MetricsAcceptanceTestAccess.config(
                new MetricsConfig.Prometheus(false, MetricsConfig.DEFAULT_PROMETHEUS_PORT, null));
        RelayConfig config = base.withMain(base.main().withLimits(limits));
        runtime = RelayRuntime.start(config, RelayOptions.builder().bindAddress("127.0.0.1").build());
        return runtime.relay().port();
    }

    private LDClient sdk(int port) {
        LDClient client = io.relayconsole.metrics.MetricsAcceptanceTestAccess.streamingSdk(port);
        clients.add(client);
        return client;
    }

    private SocketChannel open(int port, String send) throws IOException {
        SocketChannel s = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        sockets.add(s);
        if (!send.isEmpty()) {
            s.write(ByteBuffer.wrap(send.getBytes(StandardCharsets.US_ASCII)));
        }
        s.configureBlocking(false);
        return s;
    }

    /** Whether the server closed it (reads end of stream); consumes whatever it sent. */
    private static boolean closedByServer(SocketChannel s) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        int n;
        while ((n = s.read(buf)) > 0) {
            buf.clear();
        }
        return n < 0;
    }

    private MeterSnapshot meters() {
        return runtime.relay().snapshot().meters();
    }

    @Test
    void threeThousandHalfOpenConnectionsAreClosedAfterTheHeaderTimeoutWhileAnSdkIsServed() throws Exception {
        int port = start(ConnectionLimitsConfig.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofMinutes(1)));
        List<SocketChannel> halfOpen = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            halfOpen.add(open(port, "GET /all HTTP/1.1\r\nHost: relay\r\nAuthorization: sdk-x\r\n"));
        }
        LDClient client = sdk(port);
        assertThat(client.isInitialized()).as("a real SDK is served while 3,000 connections hang").isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            halfOpen.removeIf(s -> {
                try {
                    return closedByServer(s);
                } catch (IOException e) {
                    return true; // reset by the server
                }
            });
            return halfOpen.isEmpty();
        });
        assertThat(meters().refusedConnections()).containsEntry("header_timeout", 3000L);
        assertThat(client.isInitialized()).isTrue();
        assertThat(meters().environment("production").sdkConnections()).as("the SDK's stream was kept").isEqualTo(1);
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        int port = start(ConnectionLimitsConfig.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1)));
        SocketChannel s = open(port, "GET /livez HTTP/1.1\r\nHost: relay\r\n\r\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> closedByServer(s));
        assertThat(meters().refusedConnections()).containsEntry("idle", 1L).doesNotContainKey("header_timeout");
    }

    @Test
    void beyondMaxConnectionsTheRelayAnswers503AndCountsItWhileTheSdkStaysServed() throws Exception {
        int port = start(ConnectionLimitsConfig.defaults().withMaxConnections(3));
        LDClient client = sdk(port);
        assertThat(client.isInitialized()).isTrue();
        open(port, "");
        open(port, "");
        await().atMost(Duration.ofSeconds(10)).until(() -> meters().activeConnections() == 3);

        SocketChannel refused = open(port, "GET /sdk/latest-all HTTP/1.1\r\nHost: relay\r\n\r\n");
        StringBuilder answer = new StringBuilder();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ByteBuffer buf = ByteBuffer.allocate(4096);
            int n = refused.read(buf);
            if (n > 0) {
                answer.append(new String(buf.array(), 0, n, StandardCharsets.US_ASCII));
            }
            return n < 0;
        });
        assertThat(answer.toString()).startsWith("HTTP/1.1 503").contains("Connection limit reached (3 connections)");
        assertThat(meters().refusedConnections()).containsEntry("limit", 1L);
        assertThat(runtime.relay().snapshot().meters().environment("production").sdkConnections()).isEqualTo(1);
        assertThat(client.isInitialized()).isTrue();
    }
}
