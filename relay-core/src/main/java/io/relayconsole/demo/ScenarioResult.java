package io.relayconsole.demo;

import io.relayconsole.timeline.DiagramComparison;
import io.relayconsole.timeline.SequenceDiagram;

/**
 * A scenario's outcome: the document's diagram, the one the relay drew, and how they compare. {@code problem}
 * says why the scenario stopped early (the relay did not draw a step in time); null when it played through.
 */
public record ScenarioResult(Scenario scenario, ScenarioBackend backend, SequenceDiagram expected,
                             SequenceDiagram observed, DiagramComparison comparison, String problem) {

    /** A run on the in-process demo database. */
    public ScenarioResult(Scenario scenario, SequenceDiagram expected, SequenceDiagram observed,
                          DiagramComparison comparison, String problem) {
        this(scenario, ScenarioBackend.DEMO, expected, observed, comparison, problem);
    }

    public boolean matches() {
        return problem == null && comparison.matches();
    }

    /** The observed Mermaid and the verdict, as the command line prints them. */
    public String report() {
        return "Scenario " + scenario.number() + ": " + scenario.title() + " (on " + backend.label() + ")\n"
                + observed.toMermaid() + "\n"
                + (problem == null ? "" : "Stopped early: " + problem + "\n")
                + "Verdict: " + verdict() + "\n";
    }

    /** "matches on Redis", "matches on Redis, with 2 tolerated differences: ...", or the differences. */
    public String verdict() {
        String where = " on " + backend.label();
        return problem == null ? comparison.verdict(where)
                : "stopped early" + where + ": " + problem + "\n" + comparison.verdict(where);
    }
}
