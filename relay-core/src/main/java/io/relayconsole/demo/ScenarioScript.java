package io.relayconsole.demo;

/**
 * One scenario's moves. A new scenario is a class implementing this, a line in {@link Scenario} and its expected
 * diagram ({@code scenario-N.mmd} beside {@link Scenario}), written the way the persistent-storage document writes
 * its diagrams.
 */
interface ScenarioScript {
    void play(ScenarioMoves moves) throws InterruptedException;

    /** The paragraph the presenter ends with: what the audience just saw, in plain words. */
    String explanation();
}
