package io.relayconsole.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.testing.DynaliteProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The legacy LaunchDarkly Node SDK in daemon mode over DynamoDB ({@code dynamodb-daemon-client.mjs}),
 * driven over its JSON line protocol.
 */
final class NodeDaemonClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPT = DynaliteProcess.NODE_FOLDER.resolve("dynamodb-daemon-client.mjs");

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path stderr;

    NodeDaemonClient(String endpoint, String table, String prefix) throws IOException {
        if (!Files.isDirectory(DynaliteProcess.NODE_FOLDER.resolve("node_modules/launchdarkly-node-server-sdk-dynamodb"))) {
            throw new IllegalStateException("launchdarkly-node-server-sdk-dynamodb not found: run `npm ci` in "
                    + DynaliteProcess.NODE_FOLDER + ", or run ./test");
        }
        stderr = Files.createTempFile("node-daemon-client-", ".log");
        ProcessBuilder builder = new ProcessBuilder(System.getenv().getOrDefault("NODE", "node"), SCRIPT.toString())
                .directory(DynaliteProcess.NODE_FOLDER.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.put("DYNAMODB_ENDPOINT", endpoint);
        env.put("DYNAMODB_TABLE", table);
        env.put("DYNAMODB_PREFIX", prefix == null ? "" : prefix);
        env.put("AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE", "1");
        process = builder.start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "node-daemon-client-stdout");
        reader.setDaemon(true);
        reader.start();
        JsonNode ready = next();
        if (!ready.path("ready").asBoolean()) {
            throw new IllegalStateException("The Node SDK did not start: " + ready + "\n" + stderrText());
        }
    }

    /** One evaluation request: flag key, the context (an old-style user is fine) and the default value. */
    record Evaluation(String flag, Object context, Object defaultValue) {
    }

    List<JsonNode> evaluate(List<Evaluation> evaluations) throws IOException {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode list = request.putArray("evaluate");
        for (Evaluation e : evaluations) {
            ObjectNode item = list.addObject();
            item.put("flag", e.flag());
            item.set("context", JSON.valueToTree(e.context()));
            item.set("default", JSON.valueToTree(e.defaultValue()));
        }
        JsonNode results = send(request).path("results");
        if (!results.isArray()) {
            throw new IllegalStateException("unexpected answer: " + results + "\n" + stderrText());
        }
        return JSON.convertValue(results, JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
    }

    JsonNode evaluate(String flag, Object context, Object defaultValue) throws IOException {
        return evaluate(List.of(new Evaluation(flag, context, defaultValue))).get(0);
    }

    boolean storeInitialized() throws IOException {
        return send(JSON.createObjectNode().put("initialized", true)).path("initialized").asBoolean();
    }

    String stderrText() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "";
        }
    }

    private JsonNode send(JsonNode request) throws IOException {
        stdin.write(JSON.writeValueAsString(request) + "\n");
        stdin.flush();
        return next();
    }

    private JsonNode next() throws IOException {
        try {
            String line = lines.poll(20, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("No answer from the Node SDK within 20 s\n" + stderrText());
            }
            return JSON.readTree(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
