package io.relayconsole.store.redis;

import io.lettuce.core.api.StatefulConnection;
import io.relayconsole.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A few connections that each belong to one thread while it runs a WATCH/MULTI/EXEC transaction: WATCH
 * state lives on the connection, so a connection shared between threads would mix their transactions.
 * A connection whose transaction failed in any way is closed rather than reused, since its state (an open
 * MULTI, a pending WATCH) is unknown.
 */
final class TransactionConnectionPool<C extends StatefulConnection<?, ?>> implements AutoCloseable {
    private final Supplier<C> factory;
    private final int size;
    private final Semaphore permits;
    private final Duration borrowTimeout;
    private final Deque<C> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    TransactionConnectionPool(Supplier<C> factory, int size, Duration borrowTimeout) {
        this.factory = factory;
        this.size = size;
        this.permits = new Semaphore(size, true);
        this.borrowTimeout = borrowTimeout;
    }

    /** Runs {@code work} with a connection that no other thread uses until it returns. */
    <T> T use(Function<C, T> work) {
        if (closed) {
            throw new StoreException("the Redis store is closed");
        }
        acquirePermit();
        try {
            C connection = idle.pollFirst();
            if (connection == null || !connection.isOpen()) {
                connection = factory.get();
            }
            boolean reusable = false;
            try {
                T result = work.apply(connection);
                reusable = true;
                return result;
            } finally {
                giveBack(connection, reusable);
            }
        } finally {
            permits.release();
        }
    }

    private void acquirePermit() {
        try {
            if (!permits.tryAcquire(borrowTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreException("all " + size + " Redis transaction connections stayed busy for " + borrowTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a Redis transaction connection", e);
        }
    }

    private void giveBack(C connection, boolean reusable) {
        if (reusable && !closed && connection.isOpen()) {
            idle.addFirst(connection);
            if (closed) {
                drain(); // close() ran while we were returning the connection
            }
        } else {
            connection.closeAsync();
        }
    }

    private List<CompletableFuture<Void>> drain() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        C connection;
        while ((connection = idle.pollFirst()) != null) {
            closing.add(connection.closeAsync());
        }
        return closing;
    }

    /** Closes the idle connections and waits briefly for them, so the client shuts down after they are gone. */
    @Override
    public void close() {
        closed = true;
        try {
            CompletableFuture.allOf(drain().toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closing is best effort; the client's shutdown closes whatever is left
        }
    }
}
