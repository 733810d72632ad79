package io.relayconsole.relay;

/** Receives relay events on the relay's event thread, never on an I/O thread. */
@FunctionalInterface
public interface RelayListener {
    void onEvent(RelayEvent event);
}
