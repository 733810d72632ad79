package io.relayconsole.model;

/** Data from upstream or a store that cannot be read as flags and segments; the message says why. */
public class MalformedDataException extends Exception {
    public MalformedDataException(String message) {
        super(message);
    }

    public MalformedDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
