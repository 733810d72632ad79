package io.relayconsole.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real {@code redis-server} (or sentinel) for tests: a child process on a free loopback port with its own
 * temporary directory, no persistence, killed on {@link #close()} (and at JVM exit if a test forgot).
 * {@link #kill()} sends SIGKILL to simulate an outage; {@link #restart()} brings it back on the same port.
 */
public final class RedisServerProcess implements AutoCloseable {
    private static final String INSTALL_HINT = "apt-get install redis-server redis-tools redis-sentinel, or run ./test";
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private final List<String> command;
    private final int port;
    private final Path dir;
    private final String password;
    private Process process;

    private RedisServerProcess(List<String> command, int port, Path dir, String password) {
        this.command = command;
        this.port = port;
        this.dir = dir;
        this.password = password;
    }

    /** A standalone server; {@code extraArgs} are redis-server options such as {@code --requirepass secret}. */
    public static RedisServerProcess start(String... extraArgs) {
        return start(freePort(), extraArgs);
    }

    /** A standalone server on a chosen port (cluster nodes need two ports of their own). */
    public static RedisServerProcess start(int port, String... extraArgs) {
        Path dir = tempDir("redis-");
        List<String> command = new ArrayList<>(List.of(requireProgram("redis-server"),
                "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", dir.toString(), "--logfile", "", "--protected-mode", "no"));
        command.addAll(List.of(extraArgs));
        String password = null;
        for (int i = 0; i < extraArgs.length - 1; i++) {
            if (extraArgs[i].equals("--requirepass")) {
                password = extraArgs[i + 1];
            }
        }
        RedisServerProcess server = new RedisServerProcess(command, port, dir, password);
        server.launch();
        return server;
    }

    /** A sentinel monitoring {@code masterName} at {@code masterPort}, with short failure-detection times. */
    public static RedisServerProcess startSentinel(String masterName, int masterPort) {
        int port = freePort();
        Path dir = tempDir("redis-sentinel-");
        Path config = dir.resolve("sentinel.conf");
        String text = String.join("\n",
                "port " + port,
                "bind 127.0.0.1",
                "protected-mode no",
                "dir " + dir,
                "sentinel monitor " + masterName + " 127.0.0.1 " + masterPort + " 1",
                "sentinel down-after-milliseconds " + masterName + " 1000",
                "sentinel failover-timeout " + masterName + " 3000",
                "sentinel parallel-syncs " + masterName + " 1",
                "");
        try {
            Files.writeString(config, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of(requireProgram("redis-server"), config.toString(), "--sentinel");
        RedisServerProcess sentinel = new RedisServerProcess(command, port, dir, null);
        sentinel.launch();
        return sentinel;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Runs {@code redis-cli} against this server (authenticated if it has a password) and returns its output. */
    public String cli(String... args) {
        List<String> command = new ArrayList<>(List.of(requireProgram("redis-cli"), "-h", "127.0.0.1", "-p", String.valueOf(port)));
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
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LIVE.remove(process);
            process = null;
        }
    }

    /** Starts the server again on the same port (with an empty data set). */
    public void restart() {
        kill();
        launch();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        kill();
        deleteRecursively(dir);
    }

    private void launch() {
        Path log = dir.resolve("process.log");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        LIVE.add(process);
        Process started = process;
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> !started.isAlive() || answersPing());
        } catch (ConditionTimeoutException e) {
            // reported below
        }
        if (!started.isAlive() || !answersPing()) {
            String output = readQuietly(log);
            kill();
            throw new IllegalStateException("Redis did not start on port " + port + ": " + output);
        }
    }

    /** Any reply to PING (even NOAUTH) means the server is listening and serving. */
    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            return first == '+' || first == '-';
        } catch (IOException e) {
            return false;
        }
    }

    /** Absolute path of a Redis program, or a failure that says how to install it. */
    static String requireProgram(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(name + " not found: " + INSTALL_HINT);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output)";
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
