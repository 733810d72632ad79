package io.relayconsole.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulator's wire behaviour, seen by a plain HTTP client. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FlagSimulatorTest {
    private static final String KEY = "sdk-12345678-1234-1234-1234-123456789012";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private FlagSimulator simulator;
    private SimulatedEnvironment env;

    @BeforeEach
    void start() throws Exception {
        simulator = new FlagSimulator();
        simulator.setHeartbeatInterval(Duration.ofMillis(100));
        simulator.start(0);
        env = simulator.addEnvironment(KEY);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(simulator.baseUri() + path))
                .timeout(Duration.ofSeconds(5));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(request(path, authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestsNeedAKnownSdkKeyWithOrWithoutTheApiKeyPrefix() throws Exception {
        assertThat(get("/sdk/latest-all", null).statusCode()).isEqualTo(401);
        assertThat(get("/sdk/latest-all", "sdk-unknown").statusCode()).isEqualTo(401);
        assertThat(get("/all", "sdk-unknown").statusCode()).isEqualTo(401);
        assertThat(get("/sdk/latest-all", KEY).statusCode()).isEqualTo(200);
        assertThat(get("/sdk/latest-all", "api_key " + KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void thePollingDocumentHasAnEtagAndAnswers304UntilSomethingChanges() throws Exception {
        HttpResponse<String> first = get("/sdk/latest-all", KEY);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        JsonNode body = Json.mapper().readTree(first.body());
        assertThat(body.path("flags").size()).isEqualTo(12);
        assertThat(body.path("segments").size()).isEqualTo(3);

        HttpResponse<String> again = http.send(request("/sdk/latest-all", KEY).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);

        env.toggle("banner-text");
        HttpResponse<String> changed = http.send(request("/sdk/latest-all", KEY).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(changed.body()).path("flags").path("banner-text").path("version").asInt())
                .isEqualTo(2);
    }

    @Test
    void legacyItemRoutesServeSingleItemsAndMaps() throws Exception {
        HttpResponse<String> flag = get("/sdk/latest-flags/banner-text", KEY);
        assertThat(flag.body()).isEqualTo(env.flag("banner-text").orElseThrow().jsonString());
        HttpResponse<String> segment = get("/sdk/latest-segments/staff", KEY);
        assertThat(Json.mapper().readTree(segment.body()).path("key").asText()).isEqualTo("staff");
        assertThat(Json.mapper().readTree(get("/sdk/latest-flags", KEY).body()).has("new-checkout")).isTrue();
        assertThat(get("/sdk/latest-flags/no-such-flag", KEY).statusCode()).isEqualTo(404);

        env.deleteFlag("banner-text");
        assertThat(get("/sdk/latest-flags/banner-text", KEY).statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(get("/sdk/latest-all", KEY).body()).path("flags").has("banner-text")).isFalse();
    }

    @Test
    void everySampleItemHasKeyVersionSaltAndAllArrays() {
        for (Item flag : env.flags()) {
            JsonNode json = readTree(flag);
            assertThat(json.path("key").asText()).isEqualTo(flag.key());
            assertThat(json.path("version").asLong()).isEqualTo(1);
            assertThat(json.path("salt").asText()).isNotEmpty();
            for (String array : List.of("variations", "targets", "contextTargets", "rules", "prerequisites")) {
                assertThat(json.path(array).isArray()).as("%s.%s", flag.key(), array).isTrue();
            }
            assertThat(json.path("fallthrough").isObject()).isTrue();
            assertThat(json.path("deleted").asBoolean(true)).isFalse();
        }
        for (Item segment : env.segments()) {
            JsonNode json = readTree(segment);
            assertThat(json.path("salt").asText()).isNotEmpty();
            for (String array : List.of("included", "excluded", "includedContexts", "excludedContexts", "rules")) {
                assertThat(json.path(array).isArray()).as("%s.%s", segment.key(), array).isTrue();
            }
        }
        assertThat(env.flags()).hasSize(12);
        assertThat(env.segments()).hasSize(3);
    }

    @Test
    void theStreamSendsPutThenLivePatchesAndDeletesWithEventBeforeData() throws Exception {
        HttpResponse<InputStream> response = http.send(request("/all", KEY).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            List<String> put = nextEvent(lines);
            assertThat(put.get(0)).isEqualTo("event: put");
            assertThat(put.get(1)).startsWith("data: {\"path\":\"/\",\"data\":{\"flags\":{");
            await().atMost(5, TimeUnit.SECONDS).until(() -> env.streamCount() == 1);

            Item toggled = env.toggle("maintenance-mode");
            List<String> patch = nextEvent(lines);
            assertThat(patch).containsExactly("event: patch",
                    "data: {\"path\":\"/flags/maintenance-mode\",\"data\":" + toggled.jsonString() + "}");

            env.deleteSegment("staff");
            assertThat(nextEvent(lines)).containsExactly("event: delete",
                    "data: {\"path\":\"/segments/staff\",\"version\":2}");

            assertThat(nextLineSkipping(lines, false)).isEqualTo(":"); // heartbeat while idle
        }
    }

    @Test
    void disconnectStreamsEndsLiveStreamsAndCountsFollow() throws Exception {
        HttpResponse<InputStream> response = http.send(request("/all", KEY).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> simulator.connectedStreamCount() == 1);

            simulator.disconnectStreams();

            assertThat(body.readAllBytes()).isNotEmpty(); // returns once the server ended the stream
            await().atMost(5, TimeUnit.SECONDS).until(() -> simulator.connectedStreamCount() == 0);
        }
    }

    @Test
    void httpFaultsAnswerEveryRequestUntilCleared() throws Exception {
        simulator.setFault(UpstreamFault.HTTP_503);
        assertThat(get("/sdk/latest-all", KEY).statusCode()).isEqualTo(503);
        assertThat(get("/all", KEY).statusCode()).isEqualTo(503);
        simulator.setFault(UpstreamFault.HTTP_401);
        assertThat(get("/sdk/latest-all", KEY).statusCode()).isEqualTo(401);
        simulator.setFault(UpstreamFault.NONE);
        assertThat(get("/sdk/latest-all", KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void unreachableBigSegmentsAnswer503WhileFlagsStayUpUntilReachableAgain() throws Exception {
        env.bigSegments().defineSegment("big");
        env.bigSegments().edit("big", SimulatedBigSegments.Edit.including(java.util.List.of("alice")));

        env.bigSegments().setUnreachable(true);
        assertThat(get("/sdk/big-segments/revisions", KEY).statusCode()).isEqualTo(503);
        assertThat(get("/big-segments", KEY).statusCode()).isEqualTo(503);
        assertThat(get("/sdk/latest-all", KEY).statusCode()).as("flags stay up").isEqualTo(200);

        env.bigSegments().setUnreachable(false);
        HttpResponse<String> revisions = get("/sdk/big-segments/revisions", KEY);
        assertThat(revisions.statusCode()).isEqualTo(200);
        assertThat(revisions.body()).contains("\"version\":\"1\"");
    }

    @Test
    void refuseStopsListeningAndClearingListensOnTheSamePortAgain() throws Exception {
        int port = simulator.port();
        simulator.setFault(UpstreamFault.REFUSE);

        assertThat(simulator.isListening()).isFalse();
        assertThatThrownBy(() -> get("/sdk/latest-all", KEY)).isInstanceOf(ConnectException.class);

        simulator.setFault(UpstreamFault.NONE);
        assertThat(simulator.port()).isEqualTo(port);
        assertThat(get("/sdk/latest-all", KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void hangNeverAnswersUntilCleared() throws Exception {
        simulator.setFault(UpstreamFault.HANG);
        HttpRequest hanging = request("/sdk/latest-all", KEY).timeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> http.send(hanging, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        simulator.setFault(UpstreamFault.NONE);
        assertThat(get("/sdk/latest-all", KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void slowStillAnswers() throws Exception {
        simulator.setSlowDelay(Duration.ofMillis(50));
        simulator.setFault(UpstreamFault.SLOW);

        assertThat(get("/sdk/latest-all", KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void editsBumpVersionsAndRejectBadInput() {
        assertThat(env.toggle("maintenance-mode").version()).isEqualTo(2);
        assertThat(env.setFallthroughVariation("maintenance-mode", 0).version()).isEqualTo(3);
        assertThat(readTree(env.flag("maintenance-mode").orElseThrow()).path("on").asBoolean()).isFalse();

        Item created = env.putFlag("{\"key\":\"brand-new\",\"version\":99,\"on\":true,\"variations\":[1,2]}");
        assertThat(created.version()).isEqualTo(1);
        assertThat(readTree(created).path("rules").isArray()).isTrue();
        assertThat(env.deleteFlag("brand-new")).isTrue();
        assertThat(env.deleteFlag("brand-new")).isFalse();
        assertThat(env.putFlag("{\"key\":\"brand-new\",\"on\":false}").version()).isEqualTo(3);

        assertThatThrownBy(() -> env.putFlag("{\"on\":true}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"key\"");
        assertThatThrownBy(() -> env.putFlag("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON");
        assertThatThrownBy(() -> env.setFallthroughVariation("banner-text", 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no variation 7");
        assertThatThrownBy(() -> env.toggle("no-such-flag")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void environmentsAreSeparateAndCanBeRemoved() throws Exception {
        SimulatedEnvironment empty = simulator.addEmptyEnvironment("sdk-empty");
        assertThat(empty.flags()).isEmpty();
        assertThat(Json.mapper().readTree(get("/sdk/latest-all", "sdk-empty").body()).path("flags").size()).isZero();
        assertThatThrownBy(() -> simulator.addEnvironment(KEY)).isInstanceOf(IllegalArgumentException.class);

        assertThat(simulator.removeEnvironment("sdk-empty")).isTrue();
        assertThat(get("/sdk/latest-all", "sdk-empty").statusCode()).isEqualTo(401);
    }

    @Test
    void theAdminApiEditsFlagsAndSwitchesFaults() throws Exception {
        HttpResponse<String> put = http.send(request("/admin/flags/from-admin", KEY)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"on\":true,\"variations\":[\"a\",\"b\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(env.flag("from-admin")).isPresent();
        assertThat(Json.mapper().readTree(get("/admin/flags", KEY).body()).has("from-admin")).isTrue();

        HttpResponse<String> bad = http.send(request("/admin/flags/x", KEY)
                .PUT(HttpRequest.BodyPublishers.ofString("[1]")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("expected a JSON object");

        HttpResponse<String> delete = http.send(request("/admin/segments/staff", KEY).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(env.segment("staff")).isEmpty();

        http.send(request("/admin/fault/HTTP_503", null).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(simulator.fault()).isEqualTo(UpstreamFault.HTTP_503);
    }

    @Test
    void closeStopsListening() throws Exception {
        simulator.close();

        assertThat(simulator.isListening()).isFalse();
        assertThatThrownBy(() -> get("/sdk/latest-all", KEY)).isInstanceOf(ConnectException.class);
    }

    private static JsonNode readTree(Item item) {
        try {
            return Json.mapper().readTree(item.json());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The lines of the next event, skipping heartbeats. */
    private static List<String> nextEvent(BufferedReader lines) throws IOException {
        List<String> event = new ArrayList<>();
        String line;
        while ((line = nextLineSkipping(lines, true)) != null && !line.isEmpty()) {
            event.add(line);
        }
        return event;
    }

    private static String nextLineSkipping(BufferedReader lines, boolean skipHeartbeats) throws IOException {
        String line = lines.readLine();
        while (skipHeartbeats && ":".equals(line)) {
            line = lines.readLine();
        }
        return line;
    }
}
