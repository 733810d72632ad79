package io.relayconsole.app.scenarios;

import io.relayconsole.demo.Scenario;
import io.relayconsole.demo.ScenarioResult;
import io.relayconsole.timeline.DiagramComparison;
import io.relayconsole.timeline.SequenceDiagram;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Scenarios screen says about a run: "matches", or the differences (and why it stopped early), with
 * the drawn steps each difference names, so both diagrams can mark them.
 *
 * @param markedExpected indexes of the expected diagram's steps named by a difference
 * @param markedObserved indexes of the observed diagram's steps named by a difference
 * @param tolerated      what a match let pass (repeated retries, shortened waits, ...), one a line
 * @param toleratedObserved indexes of the observed diagram's steps a tolerated difference names (drawn muted)
 */
public record ScenarioVerdict(Scenario scenario, Outcome outcome, String headline, List<String> differences,
                              Set<Integer> markedExpected, Set<Integer> markedObserved, List<String> tolerated,
                              Set<Integer> toleratedObserved) {
    private static final Pattern EXPECTED_STEP = Pattern.compile("expected step (\\d+)");
    private static final Pattern OBSERVED_STEP = Pattern.compile("observed (?:as )?step (\\d+)");

    /** How a run ended. */
    public enum Outcome { MATCHES, DIFFERS, CANCELLED, FAILED }

    public ScenarioVerdict {
        differences = List.copyOf(differences);
        tolerated = List.copyOf(tolerated);
        markedExpected = Set.copyOf(markedExpected);
        markedObserved = Set.copyOf(markedObserved);
        toleratedObserved = Set.copyOf(toleratedObserved);
    }

    public static ScenarioVerdict of(ScenarioResult result) {
        String where = " on " + result.backend().label();
        if (result.matches()) {
            List<String> tolerated = result.comparison().tolerated();
            Set<Integer> toleratedSteps = new HashSet<>();
            tolerated.forEach(t -> mark(t, OBSERVED_STEP, result.observed(), toleratedSteps));
            return new ScenarioVerdict(result.scenario(), Outcome.MATCHES, "matches" + where + ": the relay drew the "
                    + "expected diagram" + (tolerated.isEmpty() ? "" : ", with " + tolerated.size() + " tolerated "
                    + "difference" + (tolerated.size() == 1 ? "" : "s")), List.of(), Set.of(), Set.of(), tolerated,
                    toleratedSteps);
        }
        List<String> differences = new ArrayList<>();
        if (result.problem() != null) {
            differences.add("stopped early: " + result.problem());
        }
        differences.addAll(result.comparison().differences());
        Set<Integer> expected = new HashSet<>();
        Set<Integer> observed = new HashSet<>();
        for (String d : result.comparison().differences()) {
            mark(d, EXPECTED_STEP, result.expected(), expected);
            mark(d, OBSERVED_STEP, result.observed(), observed);
        }
        return new ScenarioVerdict(result.scenario(), Outcome.DIFFERS, "differs" + where + " from the expected "
                + "diagram in " + differences.size() + " place(s)", differences, expected, observed, List.of(), Set.of());
    }

    public static ScenarioVerdict cancelled(Scenario scenario) {
        return new ScenarioVerdict(scenario, Outcome.CANCELLED, "cancelled", List.of(), Set.of(), Set.of(),
                List.of(), Set.of());
    }

    public static ScenarioVerdict failed(Scenario scenario, Throwable error) {
        String why = error.getMessage() == null ? error.toString() : error.getMessage();
        return new ScenarioVerdict(scenario, Outcome.FAILED, "could not run: " + why, List.of(why), Set.of(),
                Set.of(), List.of(), Set.of());
    }

    public boolean matches() {
        return outcome == Outcome.MATCHES;
    }

    /** The difference's normalized step number, marked on every drawn step that became it. */
    private static void mark(String difference, Pattern stepNumber, SequenceDiagram diagram, Set<Integer> marked) {
        Matcher m = stepNumber.matcher(difference);
        if (!m.find()) {
            return;
        }
        int normalized = Integer.parseInt(m.group(1)) - 1;
        List<Integer> positions = DiagramComparison.normalizedPositions(diagram);
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i) == normalized) {
                marked.add(i);
            }
        }
    }
}
