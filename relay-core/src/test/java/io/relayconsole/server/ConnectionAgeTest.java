package io.relayconsole.server;

import static io.relayconsole.server.ServerTestSupport.KEY_A;
import static io.relayconsole.server.ServerTestSupport.data;
import static io.relayconsole.server.ServerTestSupport.flag;
import static io.relayconsole.server.ServerTestSupport.main;
import static io.relayconsole.server.ServerTestSupport.upstream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.relay.Relay;
import io.relayconsole.server.ServerTestSupport.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code maxClientConnectionTime} with jitter: each stream ends between 90 and 100 % of the setting, so streams opened
 * together (after a deploy) reconnect spread out and rebalance over the relays behind a load balancer.
 */
class ConnectionAgeTest {
    private Relay relay;
    private final List<SseClient> streams = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (SseClient s : streams) {
            s.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void eachLimitIsDrawnFromTheLastTenthBelowTheSetting() {
        Duration max = Duration.ofMinutes(10);
        Set<Duration> drawn = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Duration limit = ConnectionAge.withJitter(max);
            assertThat(limit).isBetween(Duration.ofMinutes(9), max);
            drawn.add(limit);
        }
        assertThat(drawn).as("limits spread, not one value").hasSizeGreaterThan(900);
        assertThat(ConnectionAge.withJitter(null)).isNull();
    }

    @Test
    void streamsOpenedTogetherEndBetween90And100PercentOfTheSettingNotAllAtOnce() throws Exception {
        Duration max = Duration.ofSeconds(3);
        relay = ServerTestSupport.relay(ServerTestSupport.withMaxConnectionTime(
                main(Duration.ofSeconds(30), Duration.ofMinutes(3)), max),
                List.of(EnvironmentConfig.of("prod", KEY_A)), null).start();
        upstream(relay, "prod").init(data(List.of(flag("f1", 1)), List.of()));
        for (int i = 0; i < 30; i++) {
            streams.add(new SseClient(relay.port(), "/all", KEY_A));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> streams.stream().allMatch(SseClient::ended));

        List<Duration> lifetimes = streams.stream().map(SseClient::lifetime).sorted().toList();
        assertThat(streams).allSatisfy(s -> assertThat(s.received()).startsWith("event: put\n"));
        // The client's clock starts before the server's, so no stream may have lived less than 90 %.
        assertThat(lifetimes.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(2700));
        // 30 draws from a 300 ms window: without jitter they would all end within scheduling noise of 3 s.
        assertThat(lifetimes.get(lifetimes.size() - 1).minus(lifetimes.get(0)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.connections().count() == 0);
    }
}
