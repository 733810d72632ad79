package io.relayconsole.demo;

import static io.relayconsole.testing.RedisWire.assertRefused;
import static io.relayconsole.testing.RedisWire.command;
import static io.relayconsole.testing.RedisWire.ping;
import static io.relayconsole.testing.RedisWire.pingOrClosed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.testing.RedisWire;
import java.io.IOException;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The redis-server the console and the tests launch: what a client on its port sees through its life. */
class LocalRedisServerTest {
    private LocalRedisServer server;

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersOnALoopbackPortOnceStarted() throws IOException {
        server = LocalRedisServer.launch();

        assertThat(server.isRunning()).isTrue();
        assertThat(server.url()).isEqualTo("redis://127.0.0.1:" + server.port());
        try (Socket socket = RedisWire.connect(server.port())) {
            assertThat(ping(socket)).isEqualTo("+PONG");
        }
    }

    @Test
    void aKillIsACrashAndARestartComesBackEmptyOnTheSamePort() throws IOException {
        server = LocalRedisServer.launch();
        int port = server.port();
        try (Socket before = RedisWire.connect(port)) {
            assertThat(command(before, "SET greeting hello")).isEqualTo("+OK");

            server.kill();

            assertThat(server.isRunning()).isFalse();
            assertThat(pingOrClosed(before)).isNull();
            assertRefused(port);
        }

        server.start();

        assertThat(server.port()).isEqualTo(port);
        try (Socket after = RedisWire.connect(port)) {
            assertThat(ping(after)).isEqualTo("+PONG");
            assertThat(command(after, "EXISTS greeting")).isEqualTo(":0"); // no persistence: as a crashed cache
        }
    }

    @Test
    void startingARunningServerLeavesItAsItIs() throws IOException {
        server = LocalRedisServer.launch();
        Set<ProcessHandle> running = childProcesses();
        try (Socket socket = RedisWire.connect(server.port())) {
            server.start();

            assertThat(ping(socket)).isEqualTo("+PONG");
        }
        assertThat(childProcesses()).isEqualTo(running);
    }

    @Test
    void closeLeavesNoProcessBehind() throws IOException {
        Set<ProcessHandle> before = childProcesses();
        server = LocalRedisServer.launch();
        Set<ProcessHandle> started = childProcesses();
        started.removeAll(before);
        assertThat(started).hasSize(1);

        server.close();

        assertThat(started.iterator().next().isAlive()).isFalse();
        assertRefused(server.port());
    }

    @Test
    void aServerThatCannotStartReportsWhatItSaidAndLeavesNoProcess() {
        String program = LocalRedisServer.findProgram("redis-server").orElseThrow();
        int port = LocalRedisServer.freePort();
        Set<ProcessHandle> before = childProcesses();

        assertThatThrownBy(() -> LocalRedisServer.builder(program).port(port).options("--no-such-option", "1").launch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("redis-server did not start on port " + port + ": ")
                .hasMessageContaining("no-such-option");
        assertThat(childProcesses()).isEqualTo(before);
    }

    /** This JVM's live child processes (other test classes' servers included, hence the comparisons). */
    private static Set<ProcessHandle> childProcesses() {
        return ProcessHandle.current().children().collect(Collectors.toCollection(HashSet::new));
    }
}
