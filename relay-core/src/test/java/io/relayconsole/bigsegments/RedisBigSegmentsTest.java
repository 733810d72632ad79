package io.relayconsole.bigsegments;

import static io.relayconsole.bigsegments.BigSegmentsRelay.PREFIX;
import static io.relayconsole.bigsegments.BigSegmentsRelay.SEGMENT;
import static io.relayconsole.bigsegments.BigSegmentsRelay.WAIT;
import static io.relayconsole.bigsegments.BigSegmentsRelay.awaitValue;
import static io.relayconsole.bigsegments.BigSegmentsRelay.evaluate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.config.RedisConfig;
import io.relayconsole.simulator.SimulatedBigSegments.Edit;
import io.relayconsole.store.redis.RedisBigSegmentStore;
import io.relayconsole.store.redis.RedisStoreOptions;
import io.relayconsole.testing.RedisServerExtension;
import io.relayconsole.testing.SdkProcess;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Big segments synchronized into a real redis-server and read, in daemon mode, by the Node server SDK 9 with its own
 * Redis big-segment store: what it evaluates is what a service next to the relay would get.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisBigSegmentsTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private BigSegmentsRelay relay;
    private SdkProcess reader;

    @BeforeAll
    void start() throws InterruptedException {
        relay = new BigSegmentsRelay(RedisConfig.of(URI.create(redis.url())));
        relay.bigSegments().edit(SEGMENT, new Edit(List.of("alice", "bob"), List.of(), List.of("carol"), List.of()));
        reader = SdkProcess.nodeRedisBigSegmentReader(redis.port(), PREFIX);
        assertThat(reader.isReady()).as("Node SDK ready: %s", reader.readyError()).isTrue();
    }

    @AfterAll
    void stop() {
        if (reader != null) {
            reader.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    @Order(1)
    void includedContextsMatchExcludedAndUnknownOnesDoNot() {
        awaitValue(reader, "alice", true);
        assertThat(evaluate(reader, "bob")).as("bob is included").isTrue();
        assertThat(evaluate(reader, "carol")).as("carol is excluded, though the segment's rule matches her").isFalse();
        assertThat(evaluate(reader, "dave")).as("dave is unknown to the big segment").isFalse();
        // The SDK reads synchronizedOn too: once the relay wrote it, the store is up to date, not stale.
        await().atMost(WAIT).until(() -> BigSegmentsRelay.answer(reader, "alice").reason()
                .path("bigSegmentsStatus").asText().equals("HEALTHY"));
        assertThat(redis.cli("SMEMBERS", PREFIX + ":big_segment_include:" + ContextHash.of("alice")))
                .contains(SEGMENT + ".g1");
        assertThat(redis.cli("SMEMBERS", PREFIX + ":big_segment_exclude:" + ContextHash.of("carol")))
                .contains(SEGMENT + ".g1");
    }

    @Test
    @Order(1)
    void theRelaysOwnEvaluationsReadTheSameMembership() throws Exception {
        await().atMost(WAIT).ignoreExceptions().until(() -> relayEvaluates("alice")); // 503 until initialized
        assertThat(relayEvaluates("bob")).as("bob is included").isTrue();
        assertThat(relayEvaluates("carol")).as("carol is excluded, though the segment's rule matches her").isFalse();
        assertThat(relayEvaluates("dave")).as("dave is unknown to the big segment").isFalse();
    }

    /** The flag's value for a user, as the relay's server-side evalx endpoint answers (LaunchDarkly's evaluator). */
    private boolean relayEvaluates(String contextKey) throws Exception {
        String context = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"kind\":\"user\",\"key\":\"" + contextKey + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + relay.runtime.relay().port() + "/sdk/evalx/contexts/" + context))
                        .header("Authorization", BigSegmentsRelay.SDK_KEY).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return io.relayconsole.model.Json.mapper().readTree(response.body()).path(BigSegmentsRelay.FLAG)
                .path("value").asBoolean();
    }

    @Test
    @Order(2)
    void aMembershipChangeUpstreamReachesAFreshEvaluationWithinSeconds() {
        awaitValue(reader, "alice", true);
        relay.bigSegments().edit(SEGMENT, Edit.including(List.of("dave")));
        awaitValue(reader, "dave", true);
        relay.bigSegments().edit(SEGMENT, Edit.removingIncluded(List.of("alice")));
        awaitValue(reader, "alice", false);
        assertThat(relay.stats().state()).isEqualTo(SyncState.STREAMING);
        assertThat(relay.stats().cursor()).isEqualTo("3");
    }

    @Test
    @Order(3)
    void stalenessMetersSayWhatStatusSays() throws Exception {
        await().atMost(WAIT).until(() -> relay.stats().lastSynchronizedOn() != null);
        String scrape = relay.runtime.relay().meters().scrape();
        long synchronizedOn = relay.status().path("environments").path("production").path("bigSegmentStatus")
                .path("lastSynchronizedOn").asLong();
        double sinceSync = (System.currentTimeMillis() - synchronizedOn) / 1000.0;
        assertThat(sample(scrape, "launchdarkly_relay_bigsegments_stale")).isZero();
        // Read before /status, so it is at most the age /status implies (the idle refresh rewrites it every 30 s).
        assertThat(sample(scrape, "launchdarkly_relay_bigsegments_staleness_seconds"))
                .isBetween(0.0, 31.0).isLessThanOrEqualTo(sinceSync + 0.001);
    }

    /** The one sample of {@code name} for the environment in a Prometheus scrape. */
    private static double sample(String scrape, String name) {
        String prefix = name + "{env=\"production\"} ";
        return scrape.lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(
                l.substring(prefix.length()))).findFirst().orElseThrow(() -> new AssertionError(name + " missing"));
    }

    @Test
    @Order(3)
    void statusCarriesBigSegmentStatusAsLdRelayDoes() throws Exception {
        await().atMost(WAIT).until(() -> relay.stats().lastSynchronizedOn() != null);
        JsonNode status = relay.status().path("environments").path("production").path("bigSegmentStatus");
        assertThat(status.path("available").asBoolean()).isTrue();
        assertThat(status.path("potentiallyStale").asBoolean()).isFalse();
        assertThat(status.path("lastSynchronizedOn").asLong()).isPositive();
    }

    @Test
    @Order(4)
    void anOutOfOrderPatchIsNeverWrittenAndTheSynchronizerResyncs() {
        long before = relay.stats().outOfOrderPatches();
        relay.bigSegments().sendRaw("[{\"segmentId\":\"" + SEGMENT + ".g1\",\"version\":\"99\","
                + "\"previousVersion\":\"98\",\"changes\":{\"included\":{\"add\":[\"" + ContextHash.of("eve")
                + "\"]}}}]");
        await().atMost(WAIT).until(() -> relay.stats().outOfOrderPatches() > before);
        relay.bigSegments().edit(SEGMENT, Edit.including(List.of("frank")));
        awaitValue(reader, "frank", true);
        assertThat(evaluate(reader, "eve")).as("the out-of-order patch was not applied").isFalse();
        assertThat(redis.cli("EXISTS", PREFIX + ":big_segment_include:" + ContextHash.of("eve"))).contains("0");
    }

    @Test
    @Order(5)
    void malformedPatchesAndUnknownSegmentsAreLoggedNotFatal() {
        long before = relay.stats().malformedPatches();
        relay.bigSegments().sendRaw("[{\"segmentId\": \"broken\",");
        relay.bigSegments().sendRaw("{\"not\":\"an array\"}");
        await().atMost(WAIT).until(() -> relay.stats().malformedPatches() >= before + 1);
        relay.bigSegments().defineSegment("later-segment"); // a second big segment, edited like any other
        relay.bigSegments().edit(SEGMENT, Edit.including(List.of("grace")));
        awaitValue(reader, "grace", true);
        await().atMost(WAIT).until(() -> relay.stats().state() == SyncState.STREAMING);
    }

    @Test
    @Order(6)
    void redisKilledDuringABurstOfPatchesEndsWithUpstreamsMembership() {
        List<String> keys = IntStream.range(0, 60).mapToObj(i -> "burst-" + i).toList();
        for (int i = 0; i < keys.size(); i++) {
            relay.bigSegments().edit(SEGMENT, Edit.including(List.of(keys.get(i))));
            if (i == 20) {
                redis.kill();
            }
        }
        redis.restart(); // no persistence: Redis comes back empty, and the relay must write everything again
        try (RedisBigSegmentStore store = new RedisBigSegmentStore(RedisStoreOptions.builder()
                .url(redis.url()).prefix(PREFIX).build())) {
            await().atMost(WAIT.multipliedBy(2)).ignoreExceptions().until(() -> keys.stream()
                    .allMatch(k -> Boolean.TRUE.equals(store.membership(ContextHash.of(k)).get(SEGMENT + ".g1"))));
            List<String> wrong = new ArrayList<>();
            for (String k : List.of("bob", "dave", "frank", "grace")) {
                if (!Map.of(SEGMENT + ".g1", true).equals(store.membership(ContextHash.of(k)))) {
                    wrong.add(k);
                }
            }
            assertThat(wrong).as("members before the outage").isEmpty();
            assertThat(store.membership(ContextHash.of("alice"))).as("alice was removed").isEmpty();
            assertThat(store.membership(ContextHash.of("carol"))).containsEntry(SEGMENT + ".g1", false);
            assertThat(store.cursor()).isEqualTo(relay.stats().cursor());
        }
        awaitValue(reader, "burst-59", true);
    }
}
