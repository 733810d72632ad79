package io.relayconsole.server;

import static io.relayconsole.server.ServerTestSupport.KEY_A;
import static io.relayconsole.server.ServerTestSupport.data;
import static io.relayconsole.server.ServerTestSupport.env;
import static io.relayconsole.server.ServerTestSupport.upstream;
import static io.relayconsole.server.ServerTestSupport.flag;
import static io.relayconsole.server.ServerTestSupport.main;
import static io.relayconsole.server.ServerTestSupport.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.serving.Readiness;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.serving.SdkConnectionInfo;
import io.relayconsole.server.ServerTestSupport.SseClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamEndpointsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Relay relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
    }

    private RelayEnvironment startInitialized(Duration heartbeat) throws InterruptedException {
        relay = ServerTestSupport.relay(main(Duration.ofSeconds(30), heartbeat),
                List.of(EnvironmentConfig.of("prod", KEY_A)), null).start();
        RelayEnvironment env = env(relay, "prod");
        upstream(relay, env.name()).init(data(List.of(flag("f1", 1)), List.of(segment("s1", 2))));
        return env;
    }

    @Test
    void allStreamReplaysThePutOnConnectWithExactBytesAndStreamHeaders() throws Exception {
        startInitialized(Duration.ofMinutes(3));
        try (SseClient sse = new SseClient(relay.port(), "/all", KEY_A)) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.response().headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            assertThat(sse.response().headers().firstValue("Cache-Control"))
                    .hasValue("no-cache, no-store, must-revalidate");
            assertThat(sse.response().headers().firstValue("X-Accel-Buffering")).hasValue("no");
            assertThat(sse.response().headers().firstValue("Content-Encoding")).isEmpty();
            String expected = "event: put\ndata: {\"path\":\"/\",\"data\":{\"flags\":{\"f1\":"
                    + flag("f1", 1).jsonString() + "},\"segments\":{\"s1\":" + segment("s1", 2).jsonString()
                    + "}}}\n\n";
            await().atMost(WAIT).until(() -> sse.received().length() >= expected.length());
            assertThat(sse.received()).isEqualTo(expected);
            await().atMost(WAIT).until(() -> relay.connections().count("prod") == 1);
            SdkConnectionInfo info = relay.connections().snapshot().get(0);
            assertThat(info.path()).isEqualTo("/all");
            assertThat(info.userAgent()).isEqualTo("JavaClient/7.13.0");
            assertThat(info.eventsSent()).isEqualTo(1);
            assertThat(info.bytesSent()).isEqualTo(expected.length());
        }
    }

    @Test
    void patchesAndDeletesAreDeliveredLiveOnAllAndFlagsOnlyOnLegacyStream() throws Exception {
        RelayEnvironment env = startInitialized(Duration.ofMinutes(3));
        try (SseClient all = new SseClient(relay.port(), "/all", KEY_A);
             SseClient legacy = new SseClient(relay.port(), "/flags", KEY_A)) {
            await().atMost(WAIT).until(() -> relay.connections().count("prod") == 2);
            assertThat(legacy.received()).isEqualTo("event: put\ndata: {\"f1\":" + flag("f1", 1).jsonString() + "}\n\n");

            upstream(relay, env.name()).upsert(DataKind.FEATURES, flag("f2", 5));
            upstream(relay, env.name()).upsert(DataKind.SEGMENTS, segment("s1", 3));
            upstream(relay, env.name()).upsert(DataKind.FEATURES, Item.tombstone("f1", 7));
            upstream(relay, env.name()).upsert(DataKind.SEGMENTS, Item.tombstone("s1", 9));

            String patch = "event: patch\ndata: {\"path\":\"/flags/f2\",\"data\":" + flag("f2", 5).jsonString() + "}\n\n";
            String segPatch = "event: patch\ndata: {\"path\":\"/segments/s1\",\"data\":" + segment("s1", 3).jsonString()
                    + "}\n\n";
            String delete = "event: delete\ndata: {\"path\":\"/flags/f1\",\"version\":7}\n\n";
            String segDelete = "event: delete\ndata: {\"path\":\"/segments/s1\",\"version\":9}\n\n";
            await().atMost(WAIT).until(() -> all.received().endsWith(segDelete));
            String allText = all.received();
            assertThat(allText.substring(allText.indexOf("event: patch"))).isEqualTo(patch + segPatch + delete + segDelete);

            String legacyPatch = "event: patch\ndata: {\"path\":\"/f2\",\"data\":" + flag("f2", 5).jsonString() + "}\n\n";
            String legacyDelete = "event: delete\ndata: {\"path\":\"/f1\",\"version\":7}\n\n";
            await().atMost(WAIT).until(() -> legacy.received().endsWith(legacyDelete));
            String legacyText = legacy.received();
            assertThat(legacyText.substring(legacyText.indexOf("event: patch"))).isEqualTo(legacyPatch + legacyDelete);
            assertThat(legacyText).doesNotContain("segments");

            upstream(relay, env.name()).init(data(List.of(flag("f9", 1)), List.of()));
            await().atMost(WAIT).until(() -> all.received().endsWith(
                    "event: put\ndata: {\"path\":\"/\",\"data\":{\"flags\":{\"f9\":" + flag("f9", 1).jsonString()
                            + "},\"segments\":{}}}\n\n"));
            await().atMost(WAIT).until(() -> legacy.received().endsWith(
                    "event: put\ndata: {\"f9\":" + flag("f9", 1).jsonString() + "}\n\n"));
        }
    }

    @Test
    void heartbeatsArriveAtTheConfiguredInterval() throws Exception {
        startInitialized(Duration.ofMillis(100));
        try (SseClient sse = new SseClient(relay.port(), "/all", KEY_A)) {
            await().atMost(WAIT).until(() -> sse.received().split(":\n", -1).length > 3);
            assertThat(sse.received()).startsWith("event: put\n");
        }
    }

    @Test
    void uninitializedStoreGivesASilentStreamUntilTheFirstPut() throws Exception {
        relay = ServerTestSupport.relay(main(Duration.ofMillis(50), Duration.ofMinutes(3)),
                List.of(EnvironmentConfig.of("prod", KEY_A)), null).start();
        RelayEnvironment env = env(relay, "prod");
        await().atMost(WAIT).until(() -> env.readiness() == Readiness.READY);
        try (SseClient sse = new SseClient(relay.port(), "/all", KEY_A)) {
            assertThat(sse.status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> relay.connections().count("prod") == 1);
            assertThat(sse.received()).isEmpty();
            upstream(relay, env.name()).init(data(List.of(flag("f1", 1)), List.of()));
            await().atMost(WAIT).until(() -> sse.received().startsWith("event: put\ndata: {\"path\":\"/\""));
            assertThat(sse.received()).contains("\"f1\":");
        }
    }

    @Test
    void operatorDisconnectClosesTheStreamAndUnregistersIt() throws Exception {
        startInitialized(Duration.ofMinutes(3));
        try (SseClient sse = new SseClient(relay.port(), "/all", KEY_A)) {
            await().atMost(WAIT).until(() -> relay.connections().count() == 1);
            long id = relay.connections().snapshot().get(0).id();
            assertThat(relay.connections().disconnect(id)).isTrue();
            await().atMost(WAIT).until(sse::ended);
            await().atMost(WAIT).until(() -> relay.connections().count() == 0);
        }
    }

    @Test
    void maxClientConnectionTimeClosesStreams() throws Exception {
        relay = ServerTestSupport.relay(
                ServerTestSupport.withMaxConnectionTime(main(Duration.ofSeconds(30), Duration.ofMinutes(3)),
                        Duration.ofMillis(300)),
                List.of(EnvironmentConfig.of("prod", KEY_A)), null).start();
        upstream(relay, "prod").init(data(List.of(flag("f1", 1)), List.of()));
        try (SseClient sse = new SseClient(relay.port(), "/all", KEY_A)) {
            await().atMost(WAIT).until(sse::ended);
            assertThat(sse.received()).startsWith("event: put\n");
            await().atMost(WAIT).until(() -> relay.connections().count() == 0);
        }
    }
}
