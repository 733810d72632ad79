package io.relayconsole.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real LaunchDarkly Node SDK in a child process, driven over the JSON line protocol of the scripts in
 * {@code src/test/node*}: it prints {@code {"ready":...}} once, answers evaluate requests, and reports changes.
 * Fails with a clear message when Node.js or the npm packages are missing.
 */
public final class NodeSdkProcess implements AutoCloseable {
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> changes = new LinkedBlockingQueue<>();
    private final JsonNode ready;

    /** Starts {@code script} in {@code folder} (relative to the relay-core module) with the given environment. */
    public NodeSdkProcess(String folder, String script, Map<String, String> env) throws IOException, InterruptedException {
        Path dir = Path.of("src/test", folder).toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            throw new AssertionError("The Node SDKs are not installed in " + dir
                    + ": run ./test (it runs npm ci there) or npm ci in that folder");
        }
        ProcessBuilder pb = new ProcessBuilder("node", script).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new AssertionError("node not found: install Node.js (apt-get install nodejs npm) or run ./test", e);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, "node-sdk-" + script);
        reader.setDaemon(true);
        reader.start();
        ready = replies.poll(60, TimeUnit.SECONDS);
        if (ready == null) {
            close();
            throw new AssertionError("The Node SDK did not report readiness within 60 s");
        }
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode node = Json.MAPPER.readTree(line);
                if (node.has("changed")) {
                    changes.add(node.get("changed").asText());
                } else {
                    replies.add(node);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    public boolean isReady() {
        return ready.path("ready").asBoolean();
    }

    public String readyError() {
        return ready.path("error").asText(null);
    }

    /** One evaluation request: flag key, context JSON, default value. */
    public record Evaluation(String flag, JsonNode context, JsonNode defaultValue) {
    }

    public List<JsonNode> evaluate(List<Evaluation> evaluations) throws IOException, InterruptedException {
        ObjectNode request = Json.MAPPER.createObjectNode();
        ArrayNode list = request.putArray("evaluate");
        for (Evaluation e : evaluations) {
            ObjectNode item = list.addObject();
            item.put("flag", e.flag());
            item.set("context", e.context());
            item.set("default", e.defaultValue());
        }
        stdin.write(Json.MAPPER.writeValueAsString(request) + "\n");
        stdin.flush();
        JsonNode reply = replies.poll(30, TimeUnit.SECONDS);
        assertThat(reply).as("reply from the Node SDK").isNotNull();
        return toList(reply.get("results"));
    }

    private static List<JsonNode> toList(JsonNode array) {
        java.util.ArrayList<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /** The next flag key the SDK reported as changed, or null if none within the timeout. */
    public String nextChange(long timeout, TimeUnit unit) throws InterruptedException {
        return changes.poll(timeout, unit);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
