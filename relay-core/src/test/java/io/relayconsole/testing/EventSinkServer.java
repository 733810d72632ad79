package io.relayconsole.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.relayconsole.model.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for LaunchDarkly's events service that records every post (path, headers, the JSON body
 * un-gzipped) and can answer with an error status, hang until released, or refuse connections (stopped).
 */
public final class EventSinkServer implements AutoCloseable {
    /** One post as the flag service saw it, and the status it answered. Header names are case-insensitive. */
    public record Post(String path, Map<String, String> headers, JsonNode body, int status) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "event-sink");
        t.setDaemon(true);
        return t;
    });
    private volatile int status = 202;
    private volatile CountDownLatch hang;
    private HttpServer server;
    private int port;

    public EventSinkServer() throws IOException {
        listen(0);
    }

    private void listen(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            CountDownLatch h = hang;
            if (h != null) {
                try {
                    h.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
            byte[] body = raw;
            if ("gzip".equals(headers.get("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                    body = in.readAllBytes();
                }
            }
            int answer = status;
            posts.add(new Post(exchange.getRequestURI().getPath(), headers, Json.mapper().readTree(body), answer));
            exchange.sendResponseHeaders(answer, -1);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Every post answered (a hung one once {@link #recover()} answers it), oldest first. */
    public List<Post> posts() {
        return List.copyOf(posts);
    }

    /** The posts to {@code path} that were accepted (2xx). */
    public List<Post> accepted(String path) {
        return posts.stream().filter(p -> p.path().equals(path) && p.status() / 100 == 2).toList();
    }

    /** Answers every post with this status from now on. */
    public void answer(int newStatus) {
        status = newStatus;
    }

    /**
     * Holds every post unanswered until {@link #recover()}, which answers them 202 (recorded then, as the flag
     * service would count a post it finally answers; one the relay stopped waiting for is recorded all the same).
     */
    public void hang() {
        hang = new CountDownLatch(1);
    }

    /** Stops listening: connections are refused until {@link #recover()}. */
    public synchronized void refuse() {
        server.stop(0);
        server = null;
    }

    /** Healthy again: 202, no hang, listening on the same port. */
    public synchronized void recover() throws IOException {
        status = 202;
        CountDownLatch h = hang;
        hang = null;
        if (h != null) {
            h.countDown();
        }
        if (server == null) {
            listen(port);
        }
    }

    @Override
    public synchronized void close() {
        CountDownLatch h = hang;
        if (h != null) {
            h.countDown();
        }
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }
}
