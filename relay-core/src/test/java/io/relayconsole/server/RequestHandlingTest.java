package io.relayconsole.server;

import static io.relayconsole.server.ServerTestSupport.KEY_A;
import static io.relayconsole.server.ServerTestSupport.KEY_B;
import static io.relayconsole.server.ServerTestSupport.data;
import static io.relayconsole.server.ServerTestSupport.env;
import static io.relayconsole.server.ServerTestSupport.upstream;
import static io.relayconsole.server.ServerTestSupport.flag;
import static io.relayconsole.server.ServerTestSupport.get;
import static io.relayconsole.server.ServerTestSupport.main;
import static io.relayconsole.server.ServerTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.serving.Readiness;
import io.relayconsole.relay.Relay;
import io.relayconsole.serving.RequestRecord;
import io.relayconsole.server.ServerTestSupport.SseClient;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.ErrorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestHandlingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Relay relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
    }

    private Relay startTwoEnvironments(Duration initTimeout) throws InterruptedException {
        relay = ServerTestSupport.relay(main(initTimeout, Duration.ofMinutes(3)),
                List.of(EnvironmentConfig.of("a", KEY_A), EnvironmentConfig.of("b", KEY_B)), null).start();
        return relay;
    }

    private RequestRecord lastRecord() {
        List<RequestRecord> recent = relay.requests().recent();
        return recent.get(recent.size() - 1);
    }

    @Test
    void sdkKeyIsReadRawOrWithApiKeyPrefixAndOtherwiseRefusedWith401() throws Exception {
        startTwoEnvironments(Duration.ofSeconds(30));
        upstream(relay, "a").init(data(List.of(flag("f1", 1)), List.of()));
        int port = relay.port();
        assertThat(get(port, "/sdk/latest-all", "Authorization", KEY_A).statusCode()).isEqualTo(200);
        assertThat(get(port, "/sdk/latest-all", "Authorization", "api_key " + KEY_A).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> missing = get(port, "/sdk/latest-all");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(text(missing)).startsWith("{\"message\":");
        assertThat(lastRecord().reason()).isEqualTo("no Authorization header");

        HttpResponse<byte[]> unknown = get(port, "/all", "Authorization", "sdk-unknown-key-000000");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(lastRecord().reason()).startsWith("unknown SDK key").doesNotContain("sdk-unknown-key-000000");
        assertThat(get(port, "/sdk/latest-all", "Authorization", "Bearer " + KEY_A).statusCode()).isEqualTo(401);
    }

    @Test
    void notReadyEnvironmentAnswers503UntilDataArrivesAndRejectedKeyAnswers401() throws Exception {
        startTwoEnvironments(Duration.ofSeconds(30));
        HttpResponse<byte[]> early = get(relay.port(), "/all", "Authorization", KEY_A);
        assertThat(early.statusCode()).isEqualTo(503);
        assertThat(lastRecord().environment()).isEqualTo("a");
        assertThat(lastRecord().reason()).isEqualTo("environment not initialized yet");

        upstream(relay, "a").init(data(List.of(flag("f1", 1)), List.of()));
        assertThat(get(relay.port(), "/sdk/latest-flags", "Authorization", KEY_A).statusCode()).isEqualTo(200);

        upstream(relay, "b").updateStatus(DataSourceState.OFF, ErrorInfo.httpStatus(401, Instant.now()));
        assertThat(env(relay, "b").readiness()).isEqualTo(Readiness.REJECTED);
        assertThat(get(relay.port(), "/sdk/latest-flags", "Authorization", KEY_B).statusCode()).isEqualTo(401);
        assertThat(lastRecord().reason()).isEqualTo("upstream rejected this SDK key");
    }

    @Test
    void environmentsAreIsolated() throws Exception {
        startTwoEnvironments(Duration.ofSeconds(30));
        upstream(relay, "a").init(data(List.of(flag("only-in-a", 1)), List.of()));
        upstream(relay, "b").init(data(List.of(flag("only-in-b", 1)), List.of()));
        try (SseClient a = new SseClient(relay.port(), "/all", KEY_A);
             SseClient b = new SseClient(relay.port(), "/all", KEY_B)) {
            await().atMost(WAIT).until(() -> relay.connections().count() == 2);
            upstream(relay, "b").upsert(io.relayconsole.model.DataKind.FEATURES, flag("later-in-b", 2));
            upstream(relay, "a").upsert(io.relayconsole.model.DataKind.FEATURES, flag("later-in-a", 2));
            await().atMost(WAIT).until(() -> a.received().contains("later-in-a") && b.received().contains("later-in-b"));
            assertThat(a.received()).doesNotContain("in-b");
            assertThat(b.received()).doesNotContain("in-a");
        }
        assertThat(text(get(relay.port(), "/sdk/latest-all", "Authorization", KEY_A))).doesNotContain("in-b");
        assertThat(text(get(relay.port(), "/sdk/latest-flags/only-in-b", "Authorization", KEY_A))).doesNotContain("in-b");
        assertThat(get(relay.port(), "/sdk/latest-flags/only-in-b", "Authorization", KEY_A).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() throws Exception {
        startTwoEnvironments(Duration.ofSeconds(30));
        HttpResponse<byte[]> unknown = get(relay.port(), "/nope", "Authorization", KEY_A);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(text(unknown)).startsWith("{\"message\":");
        assertThat(lastRecord().reason()).isEqualTo("unknown route");

        HttpResponse<byte[]> post = ServerTestSupport.HTTP.send(ServerTestSupport.request(relay.port(), "/all",
                        "Authorization", KEY_A).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        startTwoEnvironments(Duration.ofSeconds(30));
        byte[] body = new byte[2 * 1024 * 1024];
        HttpResponse<byte[]> r = ServerTestSupport.HTTP.send(ServerTestSupport.request(relay.port(), "/all",
                        "Authorization", KEY_A).method("GET", HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(text(r)).startsWith("{\"message\":");
        assertThat(lastRecord().status()).isEqualTo(413);
    }

    @Test
    void garbageAndHugeHeadersAreRefusedAndTheServerKeepsServing() throws Exception {
        startTwoEnvironments(Duration.ofSeconds(30));
        upstream(relay, "a").init(data(List.of(flag("f1", 1)), List.of()));
        String garbage = rawExchange(new byte[] {0, 1, 2, (byte) 0xff, '\r', '\n', 'x', ' ', '\r', '\n', '\r', '\n'});
        assertThat(garbage).startsWith("HTTP/1.1 400");

        String huge = rawExchange(("GET /all HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(20 * 1024) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(huge).startsWith("HTTP/1.1 431");

        String longLine = rawExchange(("GET /" + "z".repeat(20 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(longLine).startsWith("HTTP/1.1 414");

        try (Socket abrupt = new Socket("127.0.0.1", relay.port())) {
            abrupt.getOutputStream().write("GET /all HTTP/1.1\r\nHost: x\r\nAuthori".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(get(relay.port(), "/sdk/latest-all", "Authorization", KEY_A).statusCode()).isEqualTo(200);
    }

    /** Sends raw bytes on a fresh connection and returns everything the server answers before closing. */
    private String rawExchange(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", relay.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
