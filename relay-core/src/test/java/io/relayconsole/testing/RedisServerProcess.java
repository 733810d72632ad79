package io.relayconsole.testing;

import io.relayconsole.demo.LocalRedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (or sentinel) for tests, run by {@link LocalRedisServer}: a child process on a
 * free loopback port with its own temporary directory, no persistence, killed on {@link #close()} (and at JVM
 * exit if a test forgot). {@link #kill()} sends SIGKILL to simulate an outage; {@link #restart()} brings it back
 * on the same port. Adds what tests need: passwords, sentinels, {@code redis-cli}, and a failure that says how to
 * install a missing program.
 */
public final class RedisServerProcess implements AutoCloseable {
    private static final String INSTALL_HINT = "apt-get install redis-server redis-tools redis-sentinel, or run ./test";

    private final LocalRedisServer server;
    private final String password;

    private RedisServerProcess(LocalRedisServer server, String password) {
        this.server = server;
        this.password = password;
    }

    /** A standalone server; {@code extraArgs} are redis-server options such as {@code --requirepass secret}. */
    public static RedisServerProcess start(String... extraArgs) {
        return start(freePort(), extraArgs);
    }

    /** A standalone server on a chosen port (cluster nodes need two ports of their own). */
    public static RedisServerProcess start(int port, String... extraArgs) {
        String password = null;
        for (int i = 0; i < extraArgs.length - 1; i++) {
            if (extraArgs[i].equals("--requirepass")) {
                password = extraArgs[i + 1];
            }
        }
        LocalRedisServer server = LocalRedisServer.builder(requireProgram("redis-server"))
                .port(port).options(extraArgs).launch();
        return new RedisServerProcess(server, password);
    }

    /** A sentinel monitoring {@code masterName} at {@code masterPort}, with short failure-detection times. */
    public static RedisServerProcess startSentinel(String masterName, int masterPort) {
        String program = requireProgram("redis-server");
        Path dir;
        Path config;
        try {
            dir = Files.createTempDirectory("redis-sentinel-");
            // A sentinel rewrites its configuration file, so it gets one of its own in its directory.
            config = Files.writeString(dir.resolve("sentinel.conf"), String.join("\n",
                    "sentinel monitor " + masterName + " 127.0.0.1 " + masterPort + " 1",
                    "sentinel down-after-milliseconds " + masterName + " 1000",
                    "sentinel failover-timeout " + masterName + " 3000",
                    "sentinel parallel-syncs " + masterName + " 1",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalRedisServer sentinel = LocalRedisServer.builder(program)
                .directory(dir).configFile(config).options("--sentinel").launch();
        return new RedisServerProcess(sentinel, null);
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return server.url();
    }

    /** Runs {@code redis-cli} against this server (authenticated if it has a password) and returns its output. */
    public String cli(String... args) {
        List<String> command = new ArrayList<>(List.of(requireProgram("redis-cli"), "-h", "127.0.0.1", "-p", String.valueOf(port())));
        if (password != null) {
            command.addAll(List.of("-a", password, "--no-auth-warning"));
        }
        command.addAll(List.of(args));
        return run(command);
    }

    static String run(List<String> command) {
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!cli.waitFor(30, TimeUnit.SECONDS) || cli.exitValue() != 0) {
                throw new IllegalStateException("command failed: " + String.join(" ", command) + "\n" + output);
            }
            return output.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void flushAll() {
        cli("FLUSHALL");
    }

    /** SIGKILL: the server vanishes without closing connections cleanly, as in a crash. */
    public void kill() {
        server.kill();
    }

    /** Starts the server again on the same port (with an empty data set). */
    public void restart() {
        server.kill();
        server.start();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Absolute path of a Redis program, or a failure that says how to install it. */
    static String requireProgram(String name) {
        return LocalRedisServer.findProgram(name).orElseThrow(() -> new AssertionError(name + " not found: " + INSTALL_HINT));
    }

    public static int freePort() {
        return LocalRedisServer.freePort();
    }
}
