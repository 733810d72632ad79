package io.relayconsole.upstream;

import java.util.concurrent.CompletableFuture;

/** A connection to the flag service that feeds a {@link DataSourceUpdates}: streaming or polling. */
public interface DataSource extends AutoCloseable {

    /**
     * Starts connecting in the background. The future completes with true on the first full data set, or
     * with false once the source gives up for good (e.g. the SDK key was rejected). It never completes
     * exceptionally; callers bound the wait themselves ({@code initTimeout}).
     */
    CompletableFuture<Boolean> start();

    /** Drops the current connection and connects again now, ignoring any backoff (an operator's "reconnect"). */
    void restart();

    /** Stops for good; the source reports OFF. */
    @Override
    void close();
}
