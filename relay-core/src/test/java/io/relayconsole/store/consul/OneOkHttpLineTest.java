package io.relayconsole.store.consul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * consul-client needs OkHttp 5 while okhttp-eventsource was built on OkHttp 4; the build keeps only OkHttp 5
 * (see the parent pom). This proves the upstream SSE client still works on it: a real EventSource reads two
 * events from a local stream.
 */
class OneOkHttpLineTest {

    @Test
    void theBuildRunsOnOkHttp5() {
        assertThat(okhttp3.OkHttp.VERSION).startsWith("5.");
    }

    @Test
    void eventSourceReceivesEventsOnOkHttp5() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/stream", exchange -> {
            byte[] body = ("event: put\ndata: {\"flags\":{}}\n\n"
                    + "event: patch\ndata: {\"path\":\"/flags/a\"}\n\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stream");
        try (EventSource source = new EventSource.Builder(
                ConnectStrategy.http(uri).connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS)).build()) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                MessageEvent put = source.readMessage();
                MessageEvent patch = source.readMessage();
                assertThat(put.getEventName()).isEqualTo("put");
                assertThat(put.getData()).isEqualTo("{\"flags\":{}}");
                assertThat(patch.getEventName()).isEqualTo("patch");
                assertThat(patch.getData()).isEqualTo("{\"path\":\"/flags/a\"}");
            });
        } finally {
            server.stop(0);
        }
    }
}
