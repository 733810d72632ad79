package io.relayconsole.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.Json;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real LaunchDarkly SDK in a child process (a Node script from {@code src/test/node*}, or the Java SDK 5 reader
 * from {@code src/test/java5-daemon}), driven over their shared JSON line protocol: the SDK prints
 * {@code {"ready":bool,"error":...}} once; each {@code {"evaluate":[{flag,context,default}]}} line gets
 * {@code {"results":[...],"reasons":[...]}}; {@code {"initialized":true}} asks whether its store holds the
 * initialized marker; {@code {"flush":true}} sends its queued events; {@code {"changed":key}} lines report flag changes at any time. Fails with install advice
 * when Node.js, the npm packages or the Java 5 reader build are missing.
 */
public final class SdkProcess implements AutoCloseable {
    /** relay-core's {@code src/test}: Surefire runs in the module directory, an IDE may run from the root. */
    public static final Path TEST_SOURCES = moduleDir().resolve("src/test");
    private static final Path JAVA5_READER_BUILD = TEST_SOURCES.resolve("java5-daemon/target");
    private static final int ANSWER_SECONDS = 60;

    private final Process process;
    private final Writer stdin;
    private final Path stderr;
    private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> changes = new LinkedBlockingQueue<>();
    private final JsonNode ready;

    /** One evaluation request: flag key, context (any JSON-able value, old-style users too), default value. */
    public record Evaluation(String flag, Object context, Object defaultValue) {
    }

    /** The SDK's answer to one evaluation: the value and its evaluation reason. */
    public record Answer(JsonNode value, JsonNode reason) {
    }

    private SdkProcess(List<String> command, Path workDir, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(env);
        try {
            stderr = Files.createTempFile("sdk-process-", ".log");
            process = builder.redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + command.get(0) + " (" + e.getMessage()
                    + "): install Node.js (apt-get install nodejs npm) and a JDK, or run ./test", e);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, "sdk-process-" + command.get(command.size() - 1));
        reader.setDaemon(true);
        reader.start();
        ready = nextReply("readiness");
    }

    /** Runs {@code script} in {@code src/test/<folder>} with Node.js; {@code requiredPackage} must be installed. */
    public static SdkProcess node(String folder, String script, String requiredPackage, Map<String, String> env) {
        Path dir = TEST_SOURCES.resolve(folder);
        if (!Files.isDirectory(dir.resolve("node_modules").resolve(requiredPackage))) {
            throw new AssertionError(requiredPackage + " is not installed in " + dir
                    + ": run ./test, or npm ci in that folder");
        }
        return new SdkProcess(List.of(nodeBinary(), script), dir, env);
    }

    /** The Node server SDK 9 with its Redis store in daemon mode, reading Redis on loopback without a cache. */
    public static SdkProcess nodeRedisReader(int redisPort, String prefix) {
        return node("node", "redis-daemon-client.mjs", "@launchdarkly/node-server-sdk-redis",
                Map.of("REDIS_PORT", String.valueOf(redisPort), "REDIS_PREFIX", prefix));
    }

    /** The Node server SDK 9 in daemon mode with its Redis feature store and Redis big-segment store. */
    public static SdkProcess nodeRedisBigSegmentReader(int redisPort, String prefix) {
        return node("node", "redis-big-segments-client.mjs", "@launchdarkly/node-server-sdk-redis",
                Map.of("REDIS_PORT", String.valueOf(redisPort), "REDIS_PREFIX", prefix));
    }

    /** The legacy Node server SDK 7 in daemon mode with its DynamoDB feature store and big-segment store. */
    public static SdkProcess legacyNodeDynamoDbBigSegmentReader(URI endpoint, String table, String prefix) {
        return node("node-dynamodb", "dynamodb-big-segments-client.mjs", "launchdarkly-node-server-sdk-dynamodb",
                Map.of("DYNAMODB_ENDPOINT", endpoint.toString(), "DYNAMODB_TABLE", table, "DYNAMODB_PREFIX", prefix,
                        "AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE", "1"));
    }

    /** The legacy Node server SDK 7 with its DynamoDB store in daemon mode, reading the table without a cache. */
    public static SdkProcess legacyNodeDynamoDbReader(URI endpoint, String table, String prefix) {
        return node("node-dynamodb", "dynamodb-daemon-client.mjs", "launchdarkly-node-server-sdk-dynamodb",
                Map.of("DYNAMODB_ENDPOINT", endpoint.toString(), "DYNAMODB_TABLE", table, "DYNAMODB_PREFIX", prefix,
                        "AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE", "1"));
    }

    /**
     * The Java server SDK 5 with its Redis store in daemon mode. SDK 5 shares package names with the SDK 7 on the
     * test classpath, so it runs in its own JVM from its own small build.
     */
    public static SdkProcess javaSdk5RedisReader(int redisPort, String prefix) {
        Path jar = JAVA5_READER_BUILD.resolve("java5-daemon-reader-0.1.0-SNAPSHOT.jar");
        Path lib = JAVA5_READER_BUILD.resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new AssertionError("The Java SDK 5 reader is not built: run ./test, or "
                    + "mvn -q -f relay-core/src/test/java5-daemon/pom.xml package");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = jar.toAbsolutePath() + File.pathSeparator + lib.toAbsolutePath() + File.separator + "*";
        return new SdkProcess(List.of(java, "-cp", classpath, "io.relayconsole.java5daemon.Java5DaemonReader"),
                TEST_SOURCES, Map.of("REDIS_PORT", String.valueOf(redisPort), "REDIS_PREFIX", prefix));
    }

    /** The Node.js binary: {@code $NODE} if set, else {@code node} on the PATH. */
    public static String nodeBinary() {
        return System.getenv().getOrDefault("NODE", "node");
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode node = Json.mapper().readTree(line);
                if (node.has("changed")) {
                    changes.add(node.get("changed").asText());
                } else {
                    replies.add(node);
                }
            }
        } catch (IOException e) {
            // the process ended; a missing reply is reported with its stderr
        }
    }

    public boolean isReady() {
        return ready.path("ready").asBoolean();
    }

    /** Why the SDK did not initialize (null if it did), with whatever it logged. */
    public String readyError() {
        return isReady() ? null : ready.path("error").asText("") + "\n" + stderrText();
    }

    /** Evaluates all requests in one round trip, in order. */
    public List<Answer> evaluate(List<Evaluation> evaluations) {
        ObjectNode request = Json.mapper().createObjectNode();
        ArrayNode list = request.putArray("evaluate");
        for (Evaluation e : evaluations) {
            list.addObject().put("flag", e.flag())
                    .<ObjectNode>set("context", Json.mapper().valueToTree(e.context()))
                    .set("default", Json.mapper().valueToTree(e.defaultValue()));
        }
        JsonNode reply = send(request);
        JsonNode results = reply.path("results");
        if (!results.isArray() || results.size() != evaluations.size()) {
            throw new AssertionError("unexpected answer from the SDK: " + reply + "\n" + stderrText());
        }
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            answers.add(new Answer(results.get(i), reply.path("reasons").path(i)));
        }
        return answers;
    }

    /** Just the values of {@link #evaluate}. */
    public List<JsonNode> values(List<Evaluation> evaluations) {
        return evaluate(evaluations).stream().map(Answer::value).toList();
    }

    /** Whether the SDK's persistent store holds the initialized marker (the scripts that support the question). */
    public boolean storeInitialized() {
        return send(Json.mapper().createObjectNode().put("initialized", true)).path("initialized").asBoolean();
    }

    /** Makes the SDK send its queued analytics events now; returns once it has. */
    public void flushEvents() {
        JsonNode reply = send(Json.mapper().createObjectNode().put("flush", true));
        if (!reply.path("flushed").asBoolean()) {
            throw new AssertionError("the SDK did not flush: " + reply + "\n" + stderrText());
        }
    }

    /** Sends one request of a script's own protocol (e.g. the browser's {@code allFlags}) and returns its answer. */
    public JsonNode ask(Object request) {
        return send(Json.mapper().valueToTree(request));
    }

    /** The next flag key the SDK reported as changed, or null if none within the timeout. */
    public String nextChange(long timeout, TimeUnit unit) throws InterruptedException {
        return changes.poll(timeout, unit);
    }

    public String stderrText() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(no stderr)";
        }
    }

    private JsonNode send(JsonNode request) {
        try {
            stdin.write(Json.mapper().writeValueAsString(request) + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the SDK process stopped: " + stderrText(), e);
        }
        return nextReply("an answer");
    }

    private JsonNode nextReply(String what) {
        try {
            JsonNode reply = replies.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
            if (reply == null) {
                throw new AssertionError("no " + what + " from the SDK process within " + ANSWER_SECONDS + " s"
                        + (process.isAlive() ? "" : " (it exited)") + ": " + stderrText());
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for the SDK process", e);
        }
    }

    @Override
    public void close() {
        try {
            stdin.close(); // the scripts close their SDK and exit at end of input
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

    private static Path moduleDir() {
        Path here = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return Files.isDirectory(here.resolve("src/test")) ? here : here.resolve("relay-core");
    }
}
