package io.relayconsole.bigsegments;

import static io.relayconsole.bigsegments.BigSegmentsRelay.PREFIX;
import static io.relayconsole.bigsegments.BigSegmentsRelay.SEGMENT;
import static io.relayconsole.bigsegments.BigSegmentsRelay.WAIT;
import static io.relayconsole.bigsegments.BigSegmentsRelay.awaitValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RedisConfig;
import io.relayconsole.config.Secrets;
import io.relayconsole.simulator.SimulatedBigSegments.Edit;
import io.relayconsole.simulator.UpstreamFault;
import io.relayconsole.store.StoreOperationResult;
import io.relayconsole.store.redis.RedisBigSegmentStore;
import io.relayconsole.store.redis.RedisDataStore;
import io.relayconsole.store.redis.RedisStoreOptions;
import io.relayconsole.testing.MutableClock;
import io.relayconsole.testing.RedisServerExtension;
import io.relayconsole.testing.SdkProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What happens to big segments around the synchronizer's life: staleness reported as degraded, a runtime store
 * switch, and stopping and starting the environment. Each test has its own relay on a real redis-server.
 */
class BigSegmentsLifecycleTest {
    private static final Duration THRESHOLD = MainConfig.DEFAULT_BIG_SEGMENTS_STALE_THRESHOLD;

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();
    @RegisterExtension
    static final RedisServerExtension otherRedis = new RedisServerExtension();

    private BigSegmentsRelay relay;

    @AfterEach
    void close() throws Exception {
        if (relay != null) {
            relay.runtime.simulator().orElseThrow().setFault(UpstreamFault.NONE);
            relay.close();
        }
        redis.flushAll();
        otherRedis.flushAll();
    }

    @Test
    void staleBigSegmentsMakeStatusDegradedAndHealth503WhenConfiguredTo() throws Exception {
        MutableClock clock = new MutableClock();
        relay = new BigSegmentsRelay(RedisConfig.of(URI.create(redis.url())), staleAsDegraded(), clock);
        relay.bigSegments().edit(SEGMENT, Edit.including(List.of("alice")));
        await().atMost(WAIT).until(() -> relay.stats().state() == SyncState.STREAMING
                && "1".equals(relay.stats().cursor()));
        assertThat(relay.get("/health").statusCode()).isEqualTo(200);

        // Upstream fails: the synchronizer can no longer say the store is up to date, so synchronizedOn ages.
        relay.runtime.simulator().orElseThrow().setFault(UpstreamFault.HTTP_503);
        await().atMost(WAIT).until(() -> relay.stats().state() != SyncState.STREAMING);
        assertThat(relay.get("/health").statusCode()).as("fresh until the threshold passes").isEqualTo(200);

        clock.advance(THRESHOLD.plusSeconds(1));
        JsonNode status = relay.status();
        assertThat(status.path("status").asText()).isEqualTo("degraded");
        JsonNode bigSegments = status.path("environments").path("production").path("bigSegmentStatus");
        assertThat(bigSegments.path("potentiallyStale").asBoolean()).isTrue();
        assertThat(bigSegments.path("available").asBoolean()).isTrue();
        HttpResponse<String> health = relay.get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("big segments potentially stale");

        // Upstream back: the next synchronization makes the store fresh, and the relay healthy, again.
        relay.runtime.simulator().orElseThrow().setFault(UpstreamFault.NONE);
        await().atMost(WAIT.multipliedBy(2)).until(() -> relay.get("/health").statusCode() == 200);
        assertThat(relay.status().path("status").asText()).isEqualTo("healthy");
    }

    @Test
    void aRuntimeStoreSwitchResynchronizesBigSegmentsIntoTheNewStore() throws Exception {
        relay = new BigSegmentsRelay(RedisConfig.of(URI.create(redis.url())));
        relay.bigSegments().edit(SEGMENT, new Edit(List.of("alice", "bob"), List.of(), List.of("carol"), List.of()));
        relay.bigSegments().edit(SEGMENT, Edit.removingIncluded(List.of("bob")));
        await().atMost(WAIT).until(() -> "2".equals(relay.stats().cursor()));

        StoreOperationResult switched = relay.environment().store().switchTo(new RedisDataStore(
                RedisStoreOptions.builder().url(otherRedis.url()).prefix(PREFIX).build()), Duration.ofSeconds(30));
        assertThat(switched.success()).as(switched.toString()).isTrue();

        try (RedisBigSegmentStore store = new RedisBigSegmentStore(RedisStoreOptions.builder()
                .url(otherRedis.url()).prefix(PREFIX).build());
             SdkProcess reader = SdkProcess.nodeRedisBigSegmentReader(otherRedis.port(), PREFIX)) {
            await().atMost(WAIT).ignoreExceptions().until(() -> "2".equals(store.cursor()));
            assertThat(store.membership(ContextHash.of("alice"))).isEqualTo(Map.of(SEGMENT + ".g1", true));
            assertThat(store.membership(ContextHash.of("bob"))).as("removed before the switch").isEmpty();
            assertThat(store.membership(ContextHash.of("carol"))).isEqualTo(Map.of(SEGMENT + ".g1", false));
            assertThat(store.synchronizedOn()).isNotNull();

            // An SDK reading the new store sees the members, and edits keep arriving there.
            assertThat(reader.isReady()).as("Node SDK ready: %s", reader.readyError()).isTrue();
            awaitValue(reader, "alice", true);
            relay.bigSegments().edit(SEGMENT, Edit.including(List.of("dave")));
            awaitValue(reader, "dave", true);
        }
        assertThat(relay.stats().message()).contains(Integer.toString(otherRedis.port()));
    }

    @Test
    void stoppingTheEnvironmentStopsItsSynchronizerAndStartingResumesFromTheCursor() throws Exception {
        relay = new BigSegmentsRelay(RedisConfig.of(URI.create(redis.url())));
        relay.bigSegments().edit(SEGMENT, Edit.including(List.of("alice")));
        await().atMost(WAIT).until(() -> "1".equals(relay.stats().cursor()));
        assertThat(synchronizerThreads()).isNotEmpty();

        relay.environment().stop();
        assertThat(relay.stats().state()).isEqualTo(SyncState.STOPPED);
        assertThat(relay.stats().cursor()).as("the last cursor stays on show").isEqualTo("1");
        await().atMost(WAIT).until(() -> synchronizerThreads().isEmpty());
        relay.bigSegments().edit(SEGMENT, Edit.including(List.of("henry")));
        String henry = PREFIX + ":big_segment_include:" + ContextHash.of("henry");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> redis.cli("EXISTS", henry).contains("0"));
        assertThat(redis.cli("GET", PREFIX + ":big_segments_cursor")).contains("1");

        relay.environment().start();
        await().atMost(WAIT).until(() -> redis.cli("EXISTS", henry).contains("1"));
        await().atMost(WAIT).until(() -> relay.stats().state() == SyncState.STREAMING
                && "2".equals(relay.stats().cursor()));
    }

    /** The synchronizer's own threads (the loop and its status ticker), named after the masked SDK key. */
    private static List<String> synchronizerThreads() {
        String suffix = Secrets.mask(BigSegmentsRelay.SDK_KEY);
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("big-segments-") && name.endsWith(suffix)).toList();
    }

    /** Defaults, but stale big segments degrade, and a broken upstream alone does not (for an hour). */
    private static MainConfig staleAsDegraded() {
        MainConfig d = MainConfig.defaults();
        return new MainConfig(d.streamUri(), d.baseUri(), 0, d.initTimeout(), d.heartbeatInterval(), null,
                Duration.ofHours(1), d.logLevel(), false, false, false, d.upstreamMode(), d.pollInterval(), null,
                null, true, THRESHOLD, null);
    }
}
