package io.relayconsole.app.ui;

import io.relayconsole.store.StoreOperationResult;

/** An operation's result in one line: what, how many items, how long, and the error if it failed. */
public final class ResultText {
    private ResultText() {
    }

    public static String of(StoreOperationResult r) {
        String timing = r.duration().toMillis() + " ms";
        return r.success()
                ? "\u2714 " + r.operation() + ": " + r.message() + " (" + r.items() + " item(s), " + timing + ")"
                : "\u2716 " + r.operation() + " failed: " + r.message() + " (" + timing + ")";
    }

    /** A failure that did not even produce a result (e.g. an exception). */
    public static String failed(String operation, Throwable error) {
        return "\u2716 " + operation + " failed: " + (error.getMessage() == null ? error.toString() : error.getMessage());
    }
}
