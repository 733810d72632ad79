package io.relayconsole.demo.consul;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process stand-in for a Consul agent's KV HTTP API, for tests on machines where no Consul agent can be
 * installed. It answers what a KV client calls, the way Consul documents and implements it:
 * <ul>
 *   <li>{@code GET /v1/kv/<key>} (JSON array, base64 values, 404 if absent), {@code ?recurse}, {@code ?keys}
 *       with {@code separator}, {@code ?raw};</li>
 *   <li>{@code PUT /v1/kv/<key>} with {@code ?cas} and {@code ?flags}, answering {@code true}/{@code false};</li>
 *   <li>{@code DELETE /v1/kv/<key>} with {@code ?recurse} and {@code ?cas};</li>
 *   <li>{@code PUT /v1/txn}: all-or-nothing, at most 64 operations (413 above), 409 with {@code Errors};</li>
 *   <li>a raft index in {@code X-Consul-Index}, and ACL tokens when {@link #requireAclToken} is set.</li>
 * </ul>
 * Not modelled: sessions and locks, blocking queries ({@code ?index} answers at once), namespaces, datacenters.
 * Test controls: {@link #stop()} and {@link #start()} on the same port for outages, and a request log.
 */
public final class ConsulKvServer implements AutoCloseable {
    static {
        // The JDK server leaves Nagle on by default, which with the client's delayed ACKs costs ~40 ms per
        // request. Read once per JVM, when the first JDK HttpServer is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final KvState state = new KvState();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final KvEndpoint kvEndpoint;
    private final TxnEndpoint txnEndpoint;
    private final AclCheck acl = new AclCheck();
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    /** One request as the double saw it; {@code txnOps} is the operation count of a {@code /v1/txn} body, else -1. */
    public record RecordedRequest(String method, String path, String query, int txnOps) {
    }

    private ConsulKvServer() {
        this.kvEndpoint = new KvEndpoint(state, acl);
        this.txnEndpoint = new TxnEndpoint(state, acl);
    }

    /** A running server on a free loopback port. */
    public static ConsulKvServer startOnFreePort() {
        ConsulKvServer server = new ConsulKvServer();
        server.start();
        return server;
    }

    /** Starts (again) on the same port as before, keeping the data, like an agent coming back after an outage. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            http.createContext("/", this::handle);
            executor = Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "consul-kv-double");
                t.setDaemon(true);
                return t;
            });
            http.setExecutor(executor);
            http.start();
            port = http.getAddress().getPort();
            server = http;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Consul KV double on port " + port, e);
        }
    }

    /** Stops answering (connections are refused) but keeps the data; {@link #start()} brings it back. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    /** The agent's base URL, e.g. {@code http://127.0.0.1:8500}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Turns ACLs on with default-deny: only {@code token} may read or write; an unknown token gets 403
     * "ACL not found"; no token is the anonymous token, which may do nothing. Null turns ACLs off.
     */
    public void requireAclToken(String token) {
        acl.require(token);
    }

    /** Deletes every key (one raft write), as {@code consul kv delete -recurse} would. */
    public void clear() {
        state.clear();
    }

    /** Every stored key with its entry. */
    public Map<String, KvEntry> entries() {
        return state.snapshot();
    }

    public long raftIndex() {
        return state.raftIndex();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    /** Operation counts of every {@code /v1/txn} request received, accepted or not. */
    public List<Integer> transactionSizes() {
        return requests.stream().filter(r -> r.txnOps() >= 0).map(RecordedRequest::txnOps).toList();
    }

    public void resetRequestLog() {
        requests.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (path.startsWith("/v1/kv/") || path.equals("/v1/kv")) {
                requests.add(new RecordedRequest(exchange.getRequestMethod(), path, query, -1));
                kvEndpoint.handle(exchange);
            } else if (path.equals("/v1/txn")) {
                txnEndpoint.handle(exchange, ops -> requests.add(
                        new RecordedRequest(exchange.getRequestMethod(), path, query, ops)));
            } else {
                requests.add(new RecordedRequest(exchange.getRequestMethod(), path, query, -1));
                HttpExchanges.replyText(exchange, 404, "");
            }
        } catch (RuntimeException e) {
            // A bug in the double must show as a 500 with its reason, not as a hung connection.
            HttpExchanges.replyText(exchange, 500, String.valueOf(e));
        }
    }
}
