package io.relayconsole.demo;

import io.relayconsole.timeline.DiagramComparison;
import io.relayconsole.timeline.SequenceDiagram;

/**
 * A scenario's outcome: the document's diagram, the one the relay drew, and how they compare. {@code problem}
 * says why the scenario stopped early (the relay did not draw a step in time); null when it played through.
 */
public record ScenarioResult(Scenario scenario, SequenceDiagram expected, SequenceDiagram observed,
                             DiagramComparison comparison, String problem) {

    public boolean matches() {
        return problem == null && comparison.matches();
    }

    /** The observed Mermaid and the verdict, as the command line prints them. */
    public String report() {
        return "Scenario " + scenario.number() + ": " + scenario.title() + "\n" + observed.toMermaid() + "\n"
                + (problem == null ? "" : "Stopped early: " + problem + "\n")
                + "Verdict: " + (matches() ? "matches" : comparison.verdict()) + "\n";
    }
}
