package io.relayconsole.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The headless relay ({@code cli.RelayMain}) in a child JVM, as an operator starts it: arguments, environment
 * variables, its output collected line by line, stopped with SIGTERM as systemd and Kubernetes stop it.
 */
public final class RelayProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private RelayProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add), "relay-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code RelayMain} with {@code args} and these environment variables added to the test's own. */
    public static RelayProcess start(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "io.relayconsole.cli.RelayMain"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        return new RelayProcess(pb.start());
    }

    /** A loopback port free now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Everything it printed so far (standard output and error). */
    public List<String> lines() {
        return lines;
    }

    public String output() {
        return String.join("\n", lines);
    }

    public Process process() {
        return process;
    }

    /** Sends SIGTERM ({@code Process.destroy()} does not run the child's shutdown hooks here). */
    public void terminate() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
