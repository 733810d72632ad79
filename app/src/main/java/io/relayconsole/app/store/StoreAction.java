package io.relayconsole.app.store;

import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.store.StoreOperationResult;
import java.time.Duration;

/** The operator's store actions, each with the question that names its effect before it runs. */
public enum StoreAction {
    RESYNC("Resync from upstream",
            "Resync '%s' from upstream? The relay asks upstream for every flag and segment again, writes them to "
                    + "the store, and streams any change to connected SDKs."),
    REWRITE("Rewrite store from cache",
            "Rewrite the store of '%s' from the cache? Everything the relay knows replaces what the store holds, "
                    + "even newer data another relay wrote."),
    RELOAD("Reload cache from store",
            "Reload the cache of '%s' from the store? The relay drops its cache and reads everything from the "
                    + "store now; if the store is down, this fails and the cache stays empty."),
    CLEAR("Clear cache",
            "Clear the cache of '%s'? The next SDK request reads the store; if the store is down, new SDKs get 503.");

    static final Duration RESYNC_TIMEOUT = Duration.ofSeconds(15);

    private final String label;
    private final String question;

    StoreAction(String label, String question) {
        this.label = label;
        this.question = question;
    }

    public String label() {
        return label;
    }

    /** The confirmation, naming the environment and the effect. */
    public String confirmation(String environment) {
        return String.format(question, environment);
    }

    /** Runs the action; blocks (store or network I/O), so call it off the FX thread. */
    public StoreOperationResult run(RelayEnvironment env) {
        return switch (this) {
            case RESYNC -> env.resyncFromUpstream(RESYNC_TIMEOUT).join();
            case REWRITE -> env.store().rewriteFromCache();
            case RELOAD -> env.store().reloadCache();
            case CLEAR -> env.store().clearCache();
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
