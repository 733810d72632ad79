package io.relayconsole.app.controls;

/**
 * A demo control that can cut the relay off from its store and restore it. The console's own redis-server is
 * one; an in-process TCP fault proxy between relay and store can be another, plugged in the same way.
 */
public interface StoreOutage {

    /** What is being taken down, e.g. "local Redis on 127.0.0.1:6390". */
    String description();

    boolean isDown();

    /** Cuts the store off. May block briefly; call it off the FX thread. */
    void takeDown();

    /** Restores the store. May block briefly; call it off the FX thread. */
    void bringBack();
}
