package io.relayconsole.demo;

import java.io.File;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code redis-server} child process on loopback, for demos and tests: a fixed port, its own temporary
 * directory, no persistence (so a restart comes back empty, as a crashed cache server would).
 * {@link #kill()} sends SIGKILL, as a crash; {@link #start()} brings it back on the same port. {@link #close()}
 * kills it and deletes its directory, and a JVM shutdown hook kills whatever was not closed. Thread-safe.
 */
public final class LocalRedisServer implements AutoCloseable {
    /** Shown to a user whose machine has no redis-server. */
    public static final String NOT_INSTALLED =
            "redis-server is not installed (on Debian or Ubuntu: sudo apt-get install redis-server)";

    private static final long START_TIMEOUT_MILLIS = 10_000;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "local-redis-shutdown"));
    }

    private final List<String> command;
    private final int port;
    private final Path dir;
    private volatile Process process;

    private LocalRedisServer(List<String> command, int port, Path dir) {
        this.command = List.copyOf(command);
        this.port = port;
        this.dir = dir;
    }

    /** A redis-server on a free port, waiting until it answers; fails with {@link #NOT_INSTALLED} if none is. */
    public static LocalRedisServer launch() {
        String program = findProgram("redis-server").orElseThrow(() -> new IllegalStateException(NOT_INSTALLED));
        return builder(program).launch();
    }

    /** Launches {@code program} (a redis-server) once the options are set; see {@link Builder#launch()}. */
    public static Builder builder(String program) {
        return new Builder(program);
    }

    /** The absolute path of a Redis program ({@code redis-server}, {@code redis-cli}) on the PATH, if installed. */
    public static Optional<String> findProgram(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** A loopback port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for redis-server", e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Starts the server (again) on its port and waits until it answers; does nothing if it runs. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Process started;
        try {
            started = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server: " + e.getMessage(), e);
        }
        process = started;
        LIVE.add(started);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (started.isAlive() && !answersPing() && System.currentTimeMillis() < deadline) {
            pause();
        }
        if (!started.isAlive() || !answersPing()) {
            kill();
            throw new IllegalStateException("redis-server did not start on port " + port + ": " + logText());
        }
    }

    /** Kills the server at once (SIGKILL), as a crash would: clients see their connections drop. */
    public synchronized void kill() {
        Process p = process;
        process = null;
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LIVE.remove(p);
        }
    }

    /** Kills the server and deletes its directory. */
    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    /** Any reply to PING (even NOAUTH from a server with a password) means it is listening and serving. */
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

    private static void pause() {
        try {
            Thread.sleep(10); // a freshly started server needs a few milliseconds before it accepts connections
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path log() {
        return dir.resolve("redis.log");
    }

    private String logText() {
        try {
            return Files.readString(log()).strip();
        } catch (IOException e) {
            return "(no output)";
        }
    }

    /** What to launch: the program, its port, directory and any further redis-server options. */
    public static final class Builder {
        private final String program;
        private int port;
        private Path dir;
        private Path configFile;
        private final List<String> options = new ArrayList<>();

        private Builder(String program) {
            this.program = program;
        }

        /** The port to listen on; without it, a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The server's working directory, deleted on close; without it, a new temporary one. */
        public Builder directory(Path dir) {
            this.dir = dir;
            return this;
        }

        /** A configuration file to read first (a sentinel needs one it can rewrite). */
        public Builder configFile(Path configFile) {
            this.configFile = configFile;
            return this;
        }

        /** Further redis-server options, after the loopback/no-persistence ones, e.g. {@code --requirepass x}. */
        public Builder options(String... more) {
            options.addAll(List.of(more));
            return this;
        }

        /** Starts the server and waits until it answers PING; fails with the server's output if it does not. */
        public LocalRedisServer launch() {
            int chosenPort = port > 0 ? port : freePort();
            Path chosenDir = dir != null ? dir : newTempDirectory();
            List<String> command = new ArrayList<>(List.of(program));
            if (configFile != null) {
                command.add(configFile.toString());
            }
            command.addAll(List.of("--port", String.valueOf(chosenPort), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", chosenDir.toString(), "--protected-mode", "no"));
            command.addAll(options);
            LocalRedisServer server = new LocalRedisServer(command, chosenPort, chosenDir);
            try {
                server.start();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        }

        private static Path newTempDirectory() {
            try {
                return Files.createTempDirectory("relay-console-redis-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare a directory for redis-server", e);
            }
        }
    }
}
