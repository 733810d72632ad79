package io.relayconsole.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.relayconsole.config.Secrets;
import io.relayconsole.events.Acceptance;
import io.relayconsole.events.EventKind;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import io.relayconsole.model.PayloadWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes the simulator's HTTP requests: SDK endpoints (subject to faults) and the admin API (never faulted). */
final class SimulatorHttpHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHttpHandler.class);
    private static final String JSON = "application/json";
    private static final int MAX_ADMIN_BODY = 10 * 1024 * 1024;

    private final FlagSimulator simulator;

    SimulatorHttpHandler(FlagSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * Thrown out of {@link #handle} to make the JDK server close the TCP connection: closing an exchange
     * short of its announced length would leave the client waiting for the missing bytes instead.
     */
    private static final class DropConnection extends RuntimeException {
        DropConnection() {
            super("simulated connection drop", null, false, false);
        }
    }

    @Override
    public void handle(HttpExchange exchange) {
        boolean dropped = false;
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/admin/")) {
                new AdminRoutes(exchange).handle(path.substring("/admin/".length()));
            } else {
                handleSdkRequest(exchange, path);
            }
        } catch (IOException e) {
            LOG.debug("Simulator: connection ended: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (DropConnection e) {
            dropped = true;
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Simulator: request failed", e);
        } finally {
            if (!dropped) {
                exchange.close();
            }
        }
    }

    private void handleSdkRequest(HttpExchange exchange, String path) throws IOException, InterruptedException {
        Optional<EventKind> events = EventKind.ofServicePath(path);
        boolean eventsRequest = events.isPresent();
        UpstreamFault fault = simulator.faultFor(eventsRequest);
        switch (fault) {
            case HANG -> {
                record(exchange, path, null, 0);
                simulator.awaitHangReleased(eventsRequest);
                return;
            }
            case HTTP_503 -> {
                respond(exchange, path, null, 503, "text/plain", bytes("simulated outage"));
                return;
            }
            case HTTP_401 -> {
                respond(exchange, path, null, 401, "text/plain", bytes("simulated rejection"));
                return;
            }
            case SLOW -> Thread.sleep(simulator.slowDelay().toMillis());
            default -> {
            }
        }
        if (eventsRequest && "POST".equals(exchange.getRequestMethod())) {
            receiveEvents(exchange, path, events.get());
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            respond(exchange, path, null, 405, "text/plain", bytes("method not allowed"));
            return;
        }
        Optional<SimulatedEnvironment> env = simulator.findEnvironment(credential(exchange));
        if (env.isEmpty()) {
            respond(exchange, path, null, 401, "text/plain", new byte[0]);
            return;
        }
        SimulatedEnvironment e = env.get();
        if (path.contains("big-segments") && e.bigSegments().isUnreachable()) {
            respond(exchange, path, e, 503, "text/plain", bytes("simulated big segments outage"));
        } else if (path.equals("/all")) {
            stream(exchange, path, e, e::subscribe, e::unsubscribe);
        } else if (path.equals("/big-segments")) {
            stream(exchange, path, e, e.bigSegments()::subscribe, e.bigSegments()::unsubscribe);
        } else if (path.equals("/sdk/big-segments/revisions")) {
            respond(exchange, path, e, 200, JSON, e.bigSegments().revisionsAfter(queryParameter(exchange, "after")));
        } else if (path.equals("/sdk/latest-all")) {
            respondWithEtag(exchange, path, e, PayloadWriter.dataSet(e.data()));
        } else if (path.equals("/sdk/latest-flags")) {
            respondWithEtag(exchange, path, e, PayloadWriter.itemMap(e.data().flags()));
        } else if (path.equals("/sdk/latest-segments")) {
            respondWithEtag(exchange, path, e, PayloadWriter.itemMap(e.data().segments()));
        } else if (path.startsWith("/sdk/latest-flags/")) {
            singleItem(exchange, path, e, DataKind.FEATURES, path.substring("/sdk/latest-flags/".length()));
        } else if (path.startsWith("/sdk/latest-segments/")) {
            singleItem(exchange, path, e, DataKind.SEGMENTS, path.substring("/sdk/latest-segments/".length()));
        } else {
            respond(exchange, path, e, 404, "text/plain", bytes("not found"));
        }
    }

    /**
     * Events, as LaunchDarkly's events service takes them, into the simulator's sink. Server-side events need a
     * known SDK key; mobile keys and client-side IDs are not modelled here, so those are taken as they come.
     */
    private void receiveEvents(HttpExchange exchange, String path, EventKind kind) throws IOException {
        SimulatedEnvironment env = null;
        if (kind.credential() == EventKind.Credential.SDK_KEY) {
            env = simulator.findEnvironment(credential(exchange)).orElse(null);
            if (env == null) {
                respond(exchange, path, null, 401, "text/plain", new byte[0]);
                return;
            }
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_ADMIN_BODY + 1);
        }
        if (body.length > MAX_ADMIN_BODY) {
            respond(exchange, path, env, 413, "text/plain", bytes("payload too large"));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        Acceptance answer = simulator.events().receive(kind, body, headers);
        if (answer.accepted()) {
            respond(exchange, path, env, 202, "text/plain", new byte[0]);
        } else {
            ObjectNode error = Json.mapper().createObjectNode().put("message", answer.message());
            respond(exchange, path, env, answer.status(), JSON, Json.mapper().writeValueAsBytes(error));
        }
    }

    private static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private void stream(HttpExchange exchange, String path, SimulatedEnvironment env,
                        java.util.function.Consumer<StreamSink> subscribe,
                        java.util.function.Consumer<StreamSink> unsubscribe) throws IOException, InterruptedException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/event-stream; charset=utf-8");
        headers.set("Cache-Control", "no-cache, no-store, must-revalidate");
        headers.set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        record(exchange, path, env, 200);
        SseConnection connection = new SseConnection();
        subscribe.accept(connection);
        try (OutputStream out = exchange.getResponseBody()) {
            connection.serve(out, simulator.heartbeatInterval(), new SseConnection.FaultView() {
                @Override
                public UpstreamFault fault() {
                    return simulator.fault();
                }

                @Override
                public long slowMillis() {
                    return simulator.slowDelay().toMillis();
                }
            });
        } finally {
            unsubscribe.accept(connection);
        }
    }

    private void singleItem(HttpExchange exchange, String path, SimulatedEnvironment env, DataKind kind, String key)
            throws IOException {
        Optional<Item> item = env.item(kind, key);
        if (item.isEmpty()) {
            respond(exchange, path, env, 404, "text/plain", bytes("not found"));
        } else {
            respondWithEtag(exchange, path, env, item.get().json());
        }
    }

    /** 304 when the client already has this exact body (conditional polling, as the SDKs do). */
    private void respondWithEtag(HttpExchange exchange, String path, SimulatedEnvironment env, byte[] body)
            throws IOException {
        String etag = etag(body);
        exchange.getResponseHeaders().set("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            record(exchange, path, env, 304);
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        respond(exchange, path, env, 200, JSON, body);
    }

    private void respond(HttpExchange exchange, String path, SimulatedEnvironment env, int status,
                         String contentType, byte[] body) throws IOException {
        record(exchange, path, env, status);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        OutputStream out = exchange.getResponseBody();
        if (status == 200 && simulator.fault() == UpstreamFault.DROP_MID_EVENT && !path.startsWith("/admin/")) {
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new DropConnection();
        }
        out.write(body);
        out.close();
    }

    private void record(HttpExchange exchange, String path, SimulatedEnvironment env, int status) {
        String key = env != null ? env.sdkKey() : credential(exchange);
        simulator.record(new SimulatorRequest(Instant.now(), exchange.getRequestMethod(), path,
                key == null ? null : Secrets.mask(key), status));
    }

    /** The raw key from {@code Authorization}, without an {@code api_key } prefix; null when absent or invalid. */
    static String credential(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return null;
        }
        String key = header.startsWith("api_key ") ? header.substring("api_key ".length()) : header;
        return key.isEmpty() || key.contains(" ") ? null : key;
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"sim-" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code GET /admin/flags}, {@code PUT|DELETE /admin/flags/{key}} (same for segments) for the environment
     * named by {@code Authorization}, and {@code PUT /admin/fault/{FAULT}}. Errors are JSON {@code {"message"}}.
     */
    private final class AdminRoutes {
        private final HttpExchange exchange;
        private final String method;
        private final String fullPath;

        AdminRoutes(HttpExchange exchange) {
            this.exchange = exchange;
            this.method = exchange.getRequestMethod();
            this.fullPath = exchange.getRequestURI().getPath();
        }

        void handle(String route) throws IOException {
            try {
                if (route.startsWith("fault/") && "PUT".equals(method)) {
                    simulator.setFault(UpstreamFault.valueOf(route.substring("fault/".length())));
                    respond(exchange, fullPath, null, 204, JSON, new byte[0]);
                    return;
                }
                String[] parts = route.split("/", 2);
                Optional<DataKind> kind = DataKind.byStreamName(parts[0]);
                if (kind.isEmpty()) {
                    error(404, "unknown admin route");
                    return;
                }
                Optional<SimulatedEnvironment> env = simulator.findEnvironment(credential(exchange));
                if (env.isEmpty()) {
                    error(401, "unknown SDK key");
                    return;
                }
                if (parts.length == 1 || parts[1].isEmpty()) {
                    if ("GET".equals(method)) {
                        Map<String, Item> live = new LinkedHashMap<>();
                        env.get().items(kind.get()).forEach(item -> live.put(item.key(), item));
                        respond(exchange, fullPath, env.get(), 200, JSON, PayloadWriter.itemMap(live));
                    } else {
                        error(405, "method not allowed");
                    }
                    return;
                }
                itemRoute(env.get(), kind.get(), parts[1]);
            } catch (IllegalArgumentException e) {
                error(400, e.getMessage());
            }
        }

        private void itemRoute(SimulatedEnvironment env, DataKind kind, String key) throws IOException {
            switch (method) {
                case "GET" -> {
                    Optional<Item> item = env.item(kind, key);
                    if (item.isPresent()) {
                        respond(exchange, fullPath, env, 200, JSON, item.get().json());
                    } else {
                        error(404, "not found");
                    }
                }
                case "PUT" -> {
                    ObjectNode json = SimulatedEnvironment.parseObject(readBody());
                    if (json.has("key") && !key.equals(json.path("key").asText())) {
                        throw new IllegalArgumentException("the key in the body does not match the path");
                    }
                    json.put("key", key);
                    respond(exchange, fullPath, env, 200, JSON, env.put(kind, json).json());
                }
                case "DELETE" -> {
                    if (env.delete(kind, key)) {
                        respond(exchange, fullPath, env, 204, JSON, new byte[0]);
                    } else {
                        error(404, "not found");
                    }
                }
                default -> error(405, "method not allowed");
            }
        }

        private String readBody() throws IOException {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readNBytes(MAX_ADMIN_BODY + 1);
                if (body.length > MAX_ADMIN_BODY) {
                    throw new IllegalArgumentException("body larger than " + MAX_ADMIN_BODY + " bytes");
                }
                return new String(body, StandardCharsets.UTF_8);
            }
        }

        private void error(int status, String message) throws IOException {
            ObjectNode body = Json.mapper().createObjectNode().put("message", message);
            respond(exchange, fullPath, null, status, JSON, Json.mapper().writeValueAsBytes(body));
        }
    }
}
