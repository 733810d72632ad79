package io.relayconsole.demo;

/** A scenario could not be played through: the relay did not do what the next step waits for. */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }
}
