package io.relayconsole.app.service;

import io.relayconsole.app.task.TaskExecutor;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import java.util.concurrent.CompletableFuture;

/**
 * Owns the engine the console hosts. Starting does network I/O, so it runs on the engine lane, ahead of any
 * engine command; callers get a future and must hop back to the FX thread themselves.
 */
public final class RelayService implements AutoCloseable {
    private final TaskExecutor tasks;
    private volatile RelayRuntime runtime;

    public RelayService(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    public CompletableFuture<RelayRuntime> start(RelayConfig config) {
        return tasks.supply(TaskExecutor.Lane.ENGINE, () -> {
            try {
                runtime = RelayRuntime.start(config, RelayOptions.builder().storesFrom(config).build());
                return runtime;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the relay", e);
            }
        });
    }

    public RelayRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        RelayRuntime r = runtime;
        runtime = null;
        if (r != null) {
            r.close();
        }
    }
}
