package io.relayconsole.cli;

import io.relayconsole.demo.Scenario;
import io.relayconsole.demo.ScenarioResult;
import io.relayconsole.demo.ScenarioRunner;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** {@code --scenario N|all}: replays the document's diagrams headless and prints what the relay drew. */
final class ScenarioCommand {
    private ScenarioCommand() {
    }

    /** @return 0 when every scenario matched, {@link RelayMain#EXIT_SCENARIO_MISMATCH} otherwise */
    static int run(String which, PrintStream out) throws InterruptedException {
        List<Scenario> scenarios = which.equals("all") ? List.of(Scenario.values())
                : List.of(Scenario.byNumber(Integer.parseInt(which)));
        ScenarioRunner runner = new ScenarioRunner();
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            ScenarioResult result = runner.run(scenario);
            results.add(result);
            out.println(result.report());
        }
        long mismatches = results.stream().filter(r -> !r.matches()).count();
        if (scenarios.size() > 1) {
            out.println(mismatches == 0 ? "All " + results.size() + " scenarios match the document."
                    : mismatches + " of " + results.size() + " scenarios differ from the document.");
        }
        return mismatches == 0 ? 0 : RelayMain.EXIT_SCENARIO_MISMATCH;
    }
}
