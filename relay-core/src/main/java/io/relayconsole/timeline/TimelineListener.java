package io.relayconsole.timeline;

/**
 * Told about each step as it is recorded, in order. Called while the recorder holds its lock (so steps arrive
 * in sequence): must be quick and must not call back into the recorder; the console hands steps to its own
 * thread.
 */
@FunctionalInterface
public interface TimelineListener {
    void onStep(TimelineStep step);
}
