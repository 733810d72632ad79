package io.relayconsole.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A plain local events service: JDK HTTP server, {@code POST /bulk} answered 202, events counted (gzip bodies
 * inflated, each JSON array's length added). Both sides of the events measure post to the same one, the SDKs
 * directly for the baseline and the relay for the measure, so what differs is only the relay in between.
 */
final class EventsSink implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong payloads = new AtomicLong();
    private final CountDownLatch answering = new CountDownLatch(1);
    private volatile boolean hanging;

    EventsSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext("/", exchange -> {
            try (InputStream raw = exchange.getRequestBody()) {
                boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                JsonNode body = JSON.readTree(gzip ? new GZIPInputStream(raw) : raw);
                if (hanging) {
                    answering.await(); // until close(); the post is then refused, not counted
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                events.addAndGet(body.isArray() ? body.size() : 1);
                payloads.incrementAndGet();
                exchange.sendResponseHeaders(202, -1);
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long events() {
        return events.get();
    }

    long payloads() {
        return payloads.get();
    }

    /**
     * Stops answering: each post is read and then held unanswered until {@link #close()}, as a service that is
     * overloaded or cut off mid-connection behaves. The poster's request times out; nothing is counted.
     */
    void hang() {
        hanging = true;
    }

    /** Stops listening: posts are refused from now on (the events service is down), held ones answered 503. */
    @Override
    public void close() {
        answering.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
