package io.relayconsole.demo;

import static io.relayconsole.testing.RedisWire.assertRefused;
import static io.relayconsole.testing.RedisWire.ping;
import static io.relayconsole.testing.RedisWire.pingOrClosed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.testing.RedisServerProcess;
import io.relayconsole.testing.RedisWire;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy in front of a real redis-server: what a Redis client sees in each state. */
class FaultProxyTest {
    private static RedisServerProcess redis;
    private FaultProxy proxy;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void startProxy() throws IOException {
        proxy = FaultProxy.start("127.0.0.1", redis.port());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private Socket connect() throws IOException {
        return RedisWire.connect(proxy.port());
    }

    @Test
    void passesRedisTrafficThrough() throws IOException {
        try (Socket socket = connect()) {
            assertThat(ping(socket)).isEqualTo("+PONG");
            assertThat(proxy.state()).isEqualTo(FaultProxy.State.PASS);
        }
    }

    @Test
    void aCutDropsOpenConnectionsAndRefusesNewOnesUntilItPassesAgain() throws IOException {
        try (Socket before = connect()) {
            assertThat(ping(before)).isEqualTo("+PONG");

            proxy.cut();

            assertThat(pingOrClosed(before)).isNull();
            assertRefused(proxy.port());
        }

        proxy.pass();

        try (Socket after = connect()) {
            assertThat(ping(after)).isEqualTo("+PONG");
        }
        assertThat(redis.cli("PING")).isEqualTo("PONG"); // the server itself was never touched
    }

    @Test
    void addedLatencyDelaysEveryReplyButLosesNothing() throws IOException {
        proxy.addLatency(Duration.ofMillis(300));

        try (Socket socket = connect()) {
            long start = System.nanoTime();
            assertThat(ping(socket)).isEqualTo("+PONG");
            // A lower bound only: the reply cannot come back before the delay added in each direction.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
        assertThat(proxy.state()).isEqualTo(FaultProxy.State.LATENCY);
    }

    @Test
    void refusesANonsensicalLatencyOrPort() {
        assertThatThrownBy(() -> proxy.addLatency(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultProxy.start("127.0.0.1", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
