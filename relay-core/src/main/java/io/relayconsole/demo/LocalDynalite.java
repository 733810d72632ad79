package io.relayconsole.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A dynalite (npm, a local DynamoDB-compatible server) child process under Node on loopback, for the console's and
 * the CLI's DynamoDB scenarios: its own temporary data directory, deleted on {@link #close()}. Found at
 * {@code -Drelayconsole.dynalite=<dynalite folder>}, {@code $DYNALITE_HOME}, the tests' {@code node-dynamodb}
 * folder of a source checkout, or npm's global folder; when none holds it, or Node is missing, {@link #launch()}
 * says how to install it.
 */
public final class LocalDynalite implements AutoCloseable {
    public static final String NOT_INSTALLED = "dynalite is not installed: install Node.js 20+ and "
            + "`npm install -g dynalite@4.0.0` (or run ./test in a source checkout), or point "
            + "-Drelayconsole.dynalite at a dynalite folder";
    private static final long START_TIMEOUT_MILLIS = 20_000;

    private final Process process;
    private final int port;
    private final Path dataDir;

    private LocalDynalite(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** dynalite's {@code cli.js}, where this machine has it. */
    public static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty("relayconsole.dynalite")).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("DYNALITE_HOME")).map(Path::of).ifPresent(candidates::add);
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("relay-core/src/test/node-dynamodb/node_modules/dynalite"));
            candidates.add(dir.resolve("src/test/node-dynamodb/node_modules/dynalite"));
        }
        candidates.add(Path.of("/usr/local/lib/node_modules/dynalite"));
        candidates.add(Path.of("/usr/lib/node_modules/dynalite"));
        return candidates.stream().map(d -> d.resolve("cli.js")).filter(Files::isRegularFile).findFirst();
    }

    /** Starts dynalite on a free port and waits until it accepts connections; fails with {@link #NOT_INSTALLED}. */
    public static LocalDynalite launch() {
        Path cli = find().orElseThrow(() -> new IllegalStateException(NOT_INSTALLED));
        String node = LocalRedisServer.findProgram("node").orElseThrow(() -> new IllegalStateException(NOT_INSTALLED));
        int port = LocalRedisServer.freePort();
        Path dataDir;
        Process process;
        try {
            dataDir = Files.createTempDirectory("relay-console-dynalite-");
            // Without the zero delays every table change waits 500 ms.
            process = new ProcessBuilder(node, cli.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                    "--path", dataDir.toString(), "--createTableMs", "0", "--deleteTableMs", "0",
                    "--updateTableMs", "0").redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("dynalite.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dynalite: " + e.getMessage(), e);
        }
        LocalDynalite dynalite = new LocalDynalite(process, port, dataDir);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (process.isAlive() && !dynalite.accepts() && System.currentTimeMillis() < deadline) {
            LockSupport.parkNanos(20_000_000L); // a fresh Node process needs a moment before it listens
        }
        if (!process.isAlive() || !dynalite.accepts()) {
            dynalite.close();
            throw new IllegalStateException("dynalite did not start on port " + port);
        }
        return dynalite;
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try (Stream<Path> files = Files.walk(dataDir)) {
            process.waitFor();
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
