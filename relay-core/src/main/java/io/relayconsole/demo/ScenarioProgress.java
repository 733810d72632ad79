package io.relayconsole.demo;

import io.relayconsole.timeline.TimelineStep;

/** What a running scenario reports, for the console to show it step by step. Called on the runner's threads. */
public interface ScenarioProgress {
    ScenarioProgress NONE = new ScenarioProgress() {
    };

    /** The runner is about to do something ("SDK2 connects", "the database goes down"). */
    default void onAction(String description) {
    }

    /** The relay did something (a step of the observed diagram). */
    default void onStep(TimelineStep step) {
    }
}
