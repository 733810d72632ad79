package io.relayconsole.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real redis-server for a whole test class: {@code @RegisterExtension static final RedisServerExtension
 * redis = new RedisServerExtension();} starts it before the first test and stops it after the last.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
    private RedisServerProcess server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RedisServerProcess.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    public RedisServerProcess server() {
        if (server == null) {
            throw new IllegalStateException("the Redis server starts before the first test of the class");
        }
        return server;
    }

    public String url() {
        return server().url();
    }

    public int port() {
        return server().port();
    }

    public String cli(String... args) {
        return server().cli(args);
    }

    public void flushAll() {
        server().flushAll();
    }

    public void kill() {
        server().kill();
    }

    public void restart() {
        server().restart();
    }
}
