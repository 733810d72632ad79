package io.relayconsole.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} on its own port, as ld-relay's {@code [Prometheus]} exporter serves it (default 8031), so
 * scrapes never queue behind SDK traffic. One thread: Prometheus scrapes are few and each renders in memory.
 */
public final class PrometheusEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusEndpoint.class);
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService thread;

    private PrometheusEndpoint(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /** Binds {@code port} (0 picks a free one) on {@code bindAddress} (null: every interface) and serves. */
    public static PrometheusEndpoint start(RelayMeters meters, String bindAddress, int port) throws IOException {
        InetSocketAddress address = bindAddress == null ? new InetSocketAddress(port)
                : new InetSocketAddress(bindAddress, port);
        HttpServer server = HttpServer.create(address, 16);
        server.createContext("/metrics", exchange -> answer(exchange, meters));
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "prometheus-endpoint");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.start();
        PrometheusEndpoint endpoint = new PrometheusEndpoint(server, thread);
        LOG.info("Prometheus metrics on http://{}:{}/metrics", bindAddress == null ? "*" : bindAddress,
                endpoint.port());
        return endpoint;
    }

    private static void answer(HttpExchange exchange, RelayMeters meters) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !"/metrics".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = meters.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
