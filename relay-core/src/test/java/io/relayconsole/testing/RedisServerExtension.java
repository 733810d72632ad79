package io.relayconsole.testing;

/**
 * One real redis-server for a whole test class: {@code @RegisterExtension static final RedisServerExtension
 * redis = new RedisServerExtension();} starts it before the first test and stops it after the last.
 */
public final class RedisServerExtension extends ServerPerClassExtension<RedisServerProcess> {

    public RedisServerExtension() {
        super("the Redis server", () -> RedisServerProcess.start());
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
