package io.relayconsole.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the benchmark starts (relay, bare broadcaster, nginx, redis-server, dynalite): output to a log
 * file, memory read from {@code /proc/PID/status}, always stopped (TERM, then KILL) when closed.
 */
public final class ChildProcess implements AutoCloseable {
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private final String name;
    private final Process process;
    private final Path log;
    private final long startedNanos;

    private ChildProcess(String name, Process process, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> env) {
        try {
            Path log = Files.createTempFile("bench-" + name + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            long started = System.nanoTime();
            Process process = builder.start();
            ChildProcess child = new ChildProcess(name, process, log, started);
            Runtime.getRuntime().addShutdownHook(new Thread(child::close));
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * A java command with the JVM options every measured JVM gets, so the relay runs as it ships and both sides
     * match: the headless relay's own options (installers/relay-jvm.properties, as the installed launcher and
     * ./relay use them), or BENCH_JAVA_OPTS for an experiment. Every result table prints which.
     */
    public static List<String> java(String... tail) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String opt : jvmOptions().trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.addAll(List.of(tail));
        return command;
    }

    /** The options {@link #java} gives. */
    public static String jvmOptions() {
        String override = System.getenv("BENCH_JAVA_OPTS");
        return override != null && !override.isBlank() ? override : shippedJvmOptions();
    }

    /** Where {@link #jvmOptions()} came from, for the result tables. */
    public static String jvmOptionsOrigin() {
        String override = System.getenv("BENCH_JAVA_OPTS");
        return override != null && !override.isBlank() ? "BENCH_JAVA_OPTS override, not as shipped"
                : "as shipped, installers/relay-jvm.properties";
    }

    private static String shippedJvmOptions() {
        Properties p = new Properties();
        try (java.io.Reader in = Files.newBufferedReader(Path.of("installers/relay-jvm.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("bench/run reads the relay's JVM options from installers/relay-jvm.properties"
                    + " (run it from the repository root): " + e.getMessage(), e);
        }
        return p.getProperty("relay.jvm.options", "");
    }

    public long pid() {
        return process.pid();
    }

    /** The child's standard input, for processes driven by commands (the console under test). */
    public java.io.OutputStream stdin() {
        return process.getOutputStream();
    }

    public long startedNanos() {
        return startedNanos;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until something accepts TCP connections on the port; fails with the log's tail if the process dies. */
    public void awaitPort(int port, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + logTail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                sleep(20);
            }
        }
        throw new IllegalStateException(name + " did not listen on " + port + ": " + logTail());
    }

    /**
     * CPU time the process has used so far, user + system, in milliseconds ({@code /proc/PID/stat} fields 14 and 15,
     * in clock ticks of 10 ms): the work a measure cost, whatever else kept the shared cores busy meanwhile.
     */
    public long cpuMillis() {
        return cpuMillis(process.pid());
    }

    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of " + pid, e);
        }
    }

    /** A field of /proc/PID/status in bytes: VmRSS now, VmHWM the peak. */
    public long memoryBytes(String field) {
        return procStatus(process.pid(), field);
    }

    public static long procStatus(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Runs jcmd against a JVM child: the live heap after a full GC is what "heap" means in the tables. */
    public long heapUsedAfterGc() {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process gc = new ProcessBuilder(jcmd, Long.toString(pid()), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(20, TimeUnit.SECONDS);
            Process info = new ProcessBuilder(jcmd, Long.toString(pid()), "GC.heap_info").redirectErrorStream(true)
                    .start();
            String text = new String(info.getInputStream().readAllBytes());
            info.waitFor(20, TimeUnit.SECONDS);
            // G1: "garbage-first heap   total 262144K, used 21045K"; Serial/Parallel print per generation
            long used = 0;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*(\\S.*?)\\s+total \\d+K, used (\\d+)K")
                    .matcher(text);
            while (m.find()) {
                if (!m.group(1).contains("Metaspace") && !m.group(1).contains("class space")) {
                    used += Long.parseLong(m.group(2)) * 1024;
                }
            }
            return used;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /**
     * The bytes of the objects alive in a JVM child, from {@code jcmd GC.class_histogram}: it collects fully and
     * sums the surviving objects in one pause, so what the child allocates between two jcmd calls (GC.run, then
     * GC.heap_info) and the collector's own accounting (a young generation, whole regions) stay out of the figure.
     * For a measure of a few MiB, where that noise matters.
     */
    public long liveHeapBytes() {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process histogram = new ProcessBuilder(jcmd, Long.toString(pid()), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String text = new String(histogram.getInputStream().readAllBytes());
            histogram.waitFor(60, TimeUnit.SECONDS);
            // The last line: "Total   <instances>   <bytes>"
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$")
                    .matcher(text);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
