package io.relayconsole.demo;

/**
 * One scenario's moves. A new scenario is a class implementing this, a line in {@link Scenario} and its expected
 * diagram ({@code scenario-N.mmd} beside {@link Scenario}), written the way the persistent-storage document writes
 * its diagrams.
 */
interface ScenarioScript {
    void play(ScenarioMoves moves) throws InterruptedException;

    /** Whether it can run on {@code backend}: most run anywhere; some need what only a real server has. */
    default boolean runsOn(ScenarioBackend backend) {
        return true;
    }

    /** The paragraph the presenter ends with: what the audience just saw, in plain words. */
    String explanation();
}
