package io.relayconsole.evaluation;

/** A context that cannot be evaluated: not decodable, not JSON, not a valid context, or without a key. */
public final class ContextException extends Exception {
    public ContextException(String message) {
        super(message);
    }
}
