package io.relayconsole.store.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real LaunchDarkly SDK in daemon mode, running in its own process and reading flags from Redis. It speaks a
 * line protocol: first {@code {"ready":bool}}, then one {@code {"results":[...]}} per {@code {"evaluate":[...]}}.
 */
final class DaemonModeReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedReader stdout;
    private final Writer stdin;
    private final Path stderr;

    private DaemonModeReader(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static DaemonModeReader start(List<String> command, Path workDir, Map<String, String> env) {
        try {
            Path stderr = Files.createTempFile("daemon-reader", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectError(stderr.toFile());
            builder.environment().putAll(env);
            return new DaemonModeReader(builder.start(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The first line: whether the SDK initialized from the store. */
    JsonNode awaitReady() {
        return readLine();
    }

    /** One flag evaluation request. */
    record Evaluation(String flag, Map<String, Object> context, Object defaultValue) {
    }

    /** Evaluates all requests in one round trip; returns each flag's value and the SDK's reason. */
    List<JsonNode[]> evaluate(List<Evaluation> evaluations) {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode list = request.putArray("evaluate");
        for (Evaluation e : evaluations) {
            ObjectNode item = list.addObject();
            item.put("flag", e.flag());
            item.set("context", JSON.valueToTree(e.context()));
            item.set("default", JSON.valueToTree(e.defaultValue()));
        }
        try {
            stdin.write(JSON.writeValueAsString(request) + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the SDK process stopped: " + stderrText(), e);
        }
        JsonNode reply = readLine();
        List<JsonNode[]> answers = new ArrayList<>();
        for (int i = 0; i < evaluations.size(); i++) {
            answers.add(new JsonNode[] {reply.get("results").get(i), reply.path("reasons").path(i)});
        }
        return answers;
    }

    private JsonNode readLine() {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String text = line.get(60, TimeUnit.SECONDS);
            if (text == null) {
                throw new AssertionError("the SDK process ended without answering: " + stderrText());
            }
            return JSON.readTree(text);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new AssertionError("no answer from the SDK process: " + stderrText(), e);
        }
    }

    String stderrText() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(no stderr)";
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // the process may already be gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
    }
}
