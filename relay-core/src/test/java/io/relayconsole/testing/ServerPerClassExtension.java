package io.relayconsole.testing;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server that lives for a whole test class: started before its first test and closed after its last. Each
 * backend's extension extends this and adds what its tests need; register it with {@code @RegisterExtension
 * static final}.
 */
public abstract class ServerPerClassExtension<S extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private final Supplier<S> starter;
    private S server;

    /** {@code name} says in a failure which server was used too early, e.g. "the Redis server". */
    protected ServerPerClassExtension(String name, Supplier<S> starter) {
        this.name = name;
        this.starter = starter;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = starter.get();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
        }
    }

    public S server() {
        if (server == null) {
            throw new IllegalStateException(name + " starts before the first test of the class");
        }
        return server;
    }
}
