package io.relayconsole.server;

import static io.relayconsole.server.ServerTestSupport.KEY_A;
import static io.relayconsole.server.ServerTestSupport.data;
import static io.relayconsole.server.ServerTestSupport.env;
import static io.relayconsole.server.ServerTestSupport.upstream;
import static io.relayconsole.server.ServerTestSupport.flag;
import static io.relayconsole.server.ServerTestSupport.main;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.model.DataKind;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.serving.SdkConnectionInfo;
import io.relayconsole.server.ServerTestSupport.SseClient;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SlowConsumerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aStreamThatNeverReadsIsDroppedWhileOthersKeepReceiving() throws Exception {
        Relay relay = ServerTestSupport.relay(main(Duration.ofSeconds(30), Duration.ofMinutes(3)),
                List.of(EnvironmentConfig.of("prod", KEY_A)), null);
        ServerTestSupport.startEnvironments(relay);
        RelayEnvironment env = env(relay, "prod");
        upstream(relay, env.name()).init(data(List.of(flag("f1", 1)), List.of()));
        try (SdkServer server = new SdkServer(relay, ServerLimits.defaults().withMaxPendingStreamBytes(256 * 1024));
             Socket slow = new Socket()) {
            int port = server.start("127.0.0.1", 0);
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = slow.getOutputStream();
            out.write(("GET /all HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + KEY_A + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String slowAddress = "127.0.0.1:" + slow.getLocalPort();

            try (SseClient healthy = new SseClient(port, "/all", KEY_A)) {
                await().atMost(WAIT).until(() -> relay.connections().count("prod") == 2);
                assertThat(addresses(relay)).contains(slowAddress);

                String padding = "x".repeat(64 * 1024);
                AtomicLong version = new AtomicLong(2);
                await().atMost(WAIT).until(() -> {
                    for (int i = 0; i < 20; i++) {
                        long v = version.getAndIncrement();
                        upstream(relay, env.name()).upsert(DataKind.FEATURES, ServerTestSupport.item("big",
                                "{\"key\":\"big\",\"version\":" + v + ",\"padding\":\"" + padding + "\"}"));
                    }
                    return !addresses(relay).contains(slowAddress);
                });

                upstream(relay, env.name()).upsert(DataKind.FEATURES, flag("marker", 1));
                String marker = "event: patch\ndata: {\"path\":\"/flags/marker\",\"data\":" + flag("marker", 1).jsonString()
                        + "}\n\n";
                await().atMost(WAIT).until(() -> healthy.received().endsWith(marker));
                assertThat(relay.connections().count("prod")).isEqualTo(1);
                assertThat(healthy.ended()).isFalse();
            }
        } finally {
            relay.close();
        }
    }

    private static List<String> addresses(Relay relay) {
        return relay.connections().snapshot().stream().map(SdkConnectionInfo::remoteAddress).toList();
    }
}
