package io.relayconsole.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real DynamoDB-compatible server for tests: dynalite (npm, installed by {@code ./test} in
 * {@code src/test/node-dynamodb}) on a free loopback port, backed by a LevelDB directory so it can be
 * stopped and started again with its data, as a real outage would.
 */
public final class DynaliteProcess implements AutoCloseable {
    /** The folder holding dynalite and the legacy Node SDK (relative to the relay-core module). */
    public static final Path NODE_FOLDER = SdkProcess.TEST_SOURCES.resolve("node-dynamodb");

    private final int port;
    private final Path dataDir;
    private final Path logFile;
    private Process process;

    private DynaliteProcess(int port, Path dataDir) throws IOException {
        this.port = port;
        this.dataDir = dataDir;
        this.logFile = Files.createTempFile("dynalite-", ".log");
        // A test JVM that ends without close() must not leave a server behind.
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill, "dynalite-stop"));
    }

    /** Starts dynalite on a free port with a fresh data directory; fails with install advice if it is missing. */
    public static DynaliteProcess start() {
        try {
            DynaliteProcess dynalite = new DynaliteProcess(freePort(), Files.createTempDirectory("dynalite-data-"));
            dynalite.startProcess();
            return dynalite;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Kills the server abruptly, as a crash would; its data stays on disk. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts the server again on the same port with the same data directory. */
    public synchronized void restart() {
        kill();
        startProcess();
    }

    @Override
    public void close() {
        kill();
        deleteRecursively(dataDir.toFile());
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException ignored) {
            // a temp file; the OS cleans up
        }
    }

    private void startProcess() {
        Path cli = NODE_FOLDER.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite not found at " + cli + ": run `npm ci` in "
                    + NODE_FOLDER + ", or run ./test");
        }
        List<String> command = new ArrayList<>(List.of(SdkProcess.nodeBinary(), cli.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--path", dataDir.toString(),
                // without these, every table change waits 500 ms
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start node (" + e.getMessage() + "): install Node.js 20+ "
                    + "(apt-get install nodejs npm), or run ./test", e);
        }
        await("dynalite listening on port " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("dynalite exited: " + Files.readString(logFile));
                    }
                    return accepts(port);
                });
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteRecursively(child);
            }
        }
        file.delete();
    }
}
