package io.relayconsole.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.events.EventKind;
import io.relayconsole.events.EventStats;
import io.relayconsole.events.RecentPayload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The built-in upstream takes events as LaunchDarkly's events service does, and shows what it got. */
class SimulatorEventsTest {
    private static final String KEY = "sdk-11111111-2222-4333-8444-555555555555";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private FlagSimulator simulator;

    @BeforeEach
    void start() throws Exception {
        simulator = new FlagSimulator();
        simulator.addEnvironment(KEY);
        simulator.start(0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private int post(String path, String key, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(simulator.baseUri() + path))
                .header("Content-Type", "application/json").header("User-Agent", "NodeJSClient/9.13.7")
                .header("X-LaunchDarkly-Event-Schema", "4")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            r.header("Authorization", key);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void eventsAreCountedAndSummarizedPerPayload() throws Exception {
        assertThat(post("/bulk", KEY, "[{\"kind\":\"identify\",\"context\":{\"key\":\"secret-user\"}},"
                + "{\"kind\":\"custom\",\"key\":\"click\"}]")).isEqualTo(202);
        assertThat(post("/diagnostic", KEY, "{\"kind\":\"diagnostic-init\"}")).isEqualTo(202);
        assertThat(post("/events/bulk/5f0000000000000000000001", null, "[{\"kind\":\"custom\"}]")).isEqualTo(202);
        assertThat(post("/bulk", "sdk-unknown", "[]")).isEqualTo(401);
        assertThat(post("/bulk", KEY, "[{")).isEqualTo(400);

        EventStats stats = simulator.events().stats();
        assertThat(stats.received()).isEqualTo(4);
        assertThat(stats.refusedPayloads()).isEqualTo(1);
        RecentPayload first = stats.recent().get(0);
        assertThat(first.kind()).isEqualTo(EventKind.SERVER);
        assertThat(first.sdk()).isEqualTo("NodeJSClient/9.13.7");
        assertThat(first.eventKinds()).containsEntry("identify", 1).containsEntry("custom", 1);
        assertThat(stats.recent()).extracting(RecentPayload::kind)
                .contains(EventKind.SERVER_DIAGNOSTIC, EventKind.CLIENT_SIDE);
        assertThat(stats.toString()).doesNotContain("secret-user").doesNotContain(KEY);
    }

    @Test
    void eventsMeetTheSimulatedFaultsLikeEveryOtherRequest() throws Exception {
        simulator.setFault(UpstreamFault.HTTP_503);
        assertThat(post("/bulk", KEY, "[{\"kind\":\"custom\"}]")).isEqualTo(503);
        simulator.setFault(UpstreamFault.NONE);
        assertThat(post("/bulk", KEY, "[{\"kind\":\"custom\"}]")).isEqualTo(202);
        assertThat(simulator.events().stats().received()).isEqualTo(1);
    }
}
