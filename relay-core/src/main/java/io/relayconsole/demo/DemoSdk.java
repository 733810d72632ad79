package io.relayconsole.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A stand-in for an SDK in proxy mode: a real HTTP client that opens the relay's {@code /all} stream and keeps
 * it open, as an SDK does, but makes exactly the requests a scenario asks for (an SDK's own retries would blur
 * the diagram). Its User-Agent carries its name, so the timeline tells the stand-ins apart.
 */
public final class DemoSdk implements AutoCloseable {
    public static final String USER_AGENT_PREFIX = "RelayConsoleDemoSdk/1.0";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    // HTTP/1.1 as SDKs speak it to a relay (no h2c upgrade header on a plain-http request).
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(READ_TIMEOUT).build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final int port;
    private final String sdkKey;
    private InputStream stream;
    private volatile String lastPut;

    /** What one request got: the HTTP status and, when served, whether the initial {@code put} arrived. */
    public record Outcome(int status, boolean receivedData) {
        public boolean served() {
            return status == 200 && receivedData;
        }
    }

    public DemoSdk(String name, int relayPort, String sdkKey) {
        this.name = name;
        this.port = relayPort;
        this.sdkKey = sdkKey;
    }

    public String name() {
        return name;
    }

    public String userAgent() {
        return USER_AGENT_PREFIX + " (" + name + ")";
    }

    /** Opens the stream (closing one this SDK had open); a served stream stays open until {@link #close()}. */
    public synchronized Outcome connect() throws IOException {
        close();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/all"))
                .timeout(READ_TIMEOUT).header("Authorization", sdkKey).header("User-Agent", userAgent())
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to the relay", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            return new Outcome(response.statusCode(), false);
        }
        stream = response.body();
        return new Outcome(200, readUntilPut(stream));
    }

    /**
     * The version of flag {@code key} in the data the relay sent on the last served stream: what this SDK
     * evaluates with; empty when it has no such flag.
     */
    public OptionalInt flagVersion(String key) {
        String put = lastPut;
        if (put == null) {
            return OptionalInt.empty();
        }
        try {
            JsonNode version = JSON.readTree(put).at("/data/flags/" + key + "/version");
            return version.isInt() ? OptionalInt.of(version.intValue()) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Asks for this SDK's flag values as a browser SDK does ({@code GET /sdk/evalx/{envId}/contexts/{context}}, the
     * context base64url-encoded JSON); returns the HTTP status, 200 only when flag values came back.
     */
    public int evaluate(String clientSideId) throws IOException {
        String context = "{\"kind\":\"user\",\"key\":\"" + name + "\"}";
        String encoded = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(context.getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sdk/evalx/"
                        + clientSideId + "/contexts/" + encoded))
                .timeout(READ_TIMEOUT).header("User-Agent", userAgent()).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && !JSON.readTree(response.body()).isObject()) {
                throw new IOException("the relay answered 200 without flag values: " + response.body());
            }
            return response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the relay", e);
        }
    }

    /**
     * Posts {@code count} custom events to {@code /bulk}, as a server-side SDK flushes its event buffer; returns the
     * HTTP status (the relay answers 202 at once, whether or not the flag service is up).
     */
    public int sendEvents(int count) throws IOException {
        StringBuilder body = new StringBuilder("[");
        long now = System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("{\"kind\":\"custom\",\"key\":\"demo-event\",\"creationDate\":")
                    .append(now).append(",\"context\":{\"kind\":\"user\",\"key\":\"").append(name).append("\"}}");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bulk"))
                .timeout(READ_TIMEOUT).header("Authorization", sdkKey).header("User-Agent", userAgent())
                .header("Content-Type", "application/json").header("X-LaunchDarkly-Event-Schema", "4")
                .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString())).build();
        return send(request);
    }

    /** One request, its body discarded: the status. */
    private static int send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the relay", e);
        }
    }

    /**
     * Reads the stream on its own thread until it ends, so the relay never sees a slow consumer; true once the
     * initial {@code put} arrived, false if the relay stayed silent (no data yet) for the read timeout.
     */
    private boolean readUntilPut(InputStream body) throws IOException {
        CompletableFuture<Boolean> put = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                boolean inPut = false;
                while ((line = in.readLine()) != null) {
                    if (line.equals("event: put")) {
                        inPut = true;
                    } else if (inPut && line.startsWith("data:")) {
                        lastPut = line.substring("data:".length()).strip();
                        inPut = false;
                        put.complete(true);
                    }
                }
            } catch (IOException e) {
                // closed by us or by the relay
            } finally {
                put.complete(false);
            }
        }, "demo-sdk-" + name);
        reader.setDaemon(true);
        reader.start();
        try {
            return put.get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false; // connected but silent: the relay has no data yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the relay's data", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    @Override
    public synchronized void close() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // already closed by the relay
            }
            stream = null;
        }
    }
}
