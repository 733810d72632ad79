package io.relayconsole.app.controls;

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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} the console launches for outage demos: loopback only, a free port, no persistence
 * (so a restart comes back empty, as a crashed cache server would). Stopping kills it like a crash; starting
 * brings it back on the same port. The console kills it on exit, and a JVM shutdown hook does if it could not.
 */
public final class DemoRedis implements StoreOutage, AutoCloseable {
    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final String program;
    private final int port;
    private final Path dir;
    private final Thread shutdownHook = new Thread(this::kill, "demo-redis-shutdown");
    private volatile Process process;

    private DemoRedis(String program, int port, Path dir) {
        this.program = program;
        this.port = port;
        this.dir = dir;
    }

    /** The redis-server on the PATH, if installed. */
    public static Optional<String> findProgram() {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** Launches a server and waits until it answers; fails with a message fit to show if it cannot. */
    public static DemoRedis launch() {
        String program = findProgram().orElseThrow(() -> new IllegalStateException(
                "redis-server is not installed (on Debian or Ubuntu: sudo apt-get install redis-server)"));
        DemoRedis redis;
        try {
            redis = new DemoRedis(program, freePort(), Files.createTempDirectory("relay-console-redis-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a directory for redis-server", e);
        }
        Runtime.getRuntime().addShutdownHook(redis.shutdownHook);
        redis.start();
        return redis;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public String description() {
        return "local Redis on 127.0.0.1:" + port;
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    @Override
    public boolean isDown() {
        return !isRunning();
    }

    @Override
    public void takeDown() {
        kill();
    }

    @Override
    public void bringBack() {
        start();
    }

    /** Starts the server (again) on its port; does nothing if it runs. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> command = List.of(program, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "no");
        Process started;
        try {
            started = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server: " + e.getMessage(), e);
        }
        process = started;
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (started.isAlive() && !answersPing() && System.currentTimeMillis() < deadline) {
            pause();
        }
        if (!started.isAlive() || !answersPing()) {
            kill();
            throw new IllegalStateException("redis-server did not start on port " + port + ": " + log());
        }
    }

    /** Kills the server at once, as a crash would. */
    public synchronized void kill() {
        Process p = process;
        process = null;
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs kill() anyway
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return in.read() == '+';
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20); // a freshly started server needs a few milliseconds before it accepts connections
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("redis.log")).strip();
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for redis-server", e);
        }
    }
}
