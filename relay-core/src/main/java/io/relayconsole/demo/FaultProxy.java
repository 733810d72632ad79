package io.relayconsole.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on a free loopback port between the relay and a real database server (Redis, DynamoDB, Consul),
 * so an outage can be shown without touching the server: point the relay's store at {@link #port()} and
 * {@link #cut()} it (new connections refused, open ones dropped), {@link #addLatency slow it}, or let it
 * {@link #pass()} again. Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    /** What the proxy does to traffic now. */
    public enum State { PASS, CUT, LATENCY }

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile State state = State.PASS;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean closed;
    private ServerSocket listener;
    private volatile Future<?> acceptLoop;

    private FaultProxy(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
        this.port = listener.getLocalPort();
    }

    /** Listens on a free loopback port and forwards every connection to {@code targetHost:targetPort}. */
    public static FaultProxy start(String targetHost, int targetPort) throws IOException {
        if (targetPort < 1 || targetPort > 65_535) {
            throw new IllegalArgumentException("target port must be 1-65535, was " + targetPort);
        }
        ServerSocket listener = bind(0);
        FaultProxy proxy = new FaultProxy(new InetSocketAddress(targetHost, targetPort), listener);
        proxy.acceptOn(listener);
        LOG.info("Fault proxy 127.0.0.1:{} -> {}:{}", proxy.port, targetHost, targetPort);
        return proxy;
    }

    public int port() {
        return port;
    }

    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    public State state() {
        return state;
    }

    /** Added to each chunk in each direction while in {@link State#LATENCY}. */
    public Duration latency() {
        return latency;
    }

    public int openConnections() {
        return open.size() / 2;
    }

    /** Forwards traffic unchanged, listening again if it was cut. */
    public synchronized void pass() {
        ensureOpen();
        latency = Duration.ZERO;
        if (state == State.CUT) {
            try {
                listener = bind(port);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on port " + port + " again", e);
            }
            acceptOn(listener);
        }
        state = State.PASS;
    }

    /** The database "goes down": new connections are refused and open ones are dropped. */
    public synchronized void cut() {
        ensureOpen();
        if (state == State.CUT) {
            return;
        }
        state = State.CUT;
        closeQuietly(listener);
        awaitAcceptLoopEnd();
        open.forEach(FaultProxy::closeQuietly);
        open.clear();
    }

    /**
     * A listening socket closed while a thread is blocked accepting on it keeps listening until that accept
     * returns (the kernel holds it for the call), so a connection attempt right after a cut could still get in.
     * Waiting for the accept loop to end makes "cut" mean refused from the moment it returns.
     */
    private void awaitAcceptLoopEnd() {
        Future<?> loop = acceptLoop;
        if (loop == null) {
            return;
        }
        try {
            loop.get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Fault proxy accept loop did not end cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delays traffic by {@code added} in each direction (listening again if it was cut). */
    public synchronized void addLatency(Duration added) {
        if (added == null || added.isNegative() || added.isZero()) {
            throw new IllegalArgumentException("latency must be positive, was " + added);
        }
        pass();
        latency = added;
        state = State.LATENCY;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        state = State.CUT;
        closeQuietly(listener);
        awaitAcceptLoopEnd();
        open.forEach(FaultProxy::closeQuietly);
        open.clear();
        threads.shutdownNow();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the fault proxy is closed");
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void acceptOn(ServerSocket socket) {
        acceptLoop = threads.submit(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    threads.execute(() -> connect(client));
                } catch (IOException e) {
                    return; // cut or closed
                }
            }
        });
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(target, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            LOG.debug("Fault proxy cannot reach {}: {}", target, e.getMessage());
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        open.add(client);
        open.add(server);
        if (state == State.CUT) { // cut while connecting
            open.forEach(FaultProxy::closeQuietly);
            return;
        }
        threads.execute(() -> pump(client, server));
        threads.execute(() -> pump(server, client));
    }

    /** Copies one direction until either side closes, then closes both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                Duration delay = latency;
                if (state == State.LATENCY && !delay.isZero()) {
                    Thread.sleep(delay.toMillis()); // the injected latency itself
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketException e) {
            // closed by a cut or by the other side
        } catch (IOException e) {
            LOG.debug("Fault proxy connection ended: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException e) {
            // already gone
        }
    }
}
