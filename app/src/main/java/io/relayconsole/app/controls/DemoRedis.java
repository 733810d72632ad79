package io.relayconsole.app.controls;

import io.relayconsole.demo.LocalRedisServer;
import java.util.Optional;

/**
 * The console's {@code redis-server} for outage demos, as a {@link StoreOutage}: taking it down kills it like a
 * crash (it comes back empty, on the same port). {@link LocalRedisServer} runs the process; the console kills it
 * on exit, and a JVM shutdown hook does if it could not.
 */
public final class DemoRedis implements StoreOutage, AutoCloseable {
    private final LocalRedisServer server;

    private DemoRedis(LocalRedisServer server) {
        this.server = server;
    }

    /** The redis-server on the PATH, if installed. */
    public static Optional<String> findProgram() {
        return LocalRedisServer.findProgram("redis-server");
    }

    /** Launches a server and waits until it answers; fails with a message fit to show if it cannot. */
    public static DemoRedis launch() {
        return new DemoRedis(LocalRedisServer.launch());
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return server.url();
    }

    @Override
    public String description() {
        return "local Redis on 127.0.0.1:" + server.port();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public boolean isDown() {
        return !isRunning();
    }

    @Override
    public void takeDown() {
        server.kill();
    }

    @Override
    public void bringBack() {
        server.start();
    }

    @Override
    public void close() {
        server.close();
    }
}
