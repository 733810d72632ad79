package io.relayconsole.cli;

import io.relayconsole.demo.Scenario;
import io.relayconsole.demo.ScenarioBackend;
import io.relayconsole.demo.ScenarioResult;
import io.relayconsole.demo.ScenarioRunner;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --scenario N|all [--store NAME]}: replays the scenarios headless on the chosen database and prints what the
 * relay drew, with the verdict; {@code all} means every scenario that runs on that database.
 */
final class ScenarioCommand {
    private ScenarioCommand() {
    }

    /**
     * @return 0 when every scenario matched (tolerated differences named), {@link RelayMain#EXIT_SCENARIO_MISMATCH}
     *         when one differs, {@link RelayMain#EXIT_START_FAILED} when the database could not be started
     */
    static int run(String which, String store, PrintStream out, PrintStream err) throws InterruptedException {
        ScenarioBackend backend = ScenarioBackend.byName(store);
        List<Scenario> scenarios = which.equals("all") ? Scenario.on(backend)
                : List.of(Scenario.byNumber(Integer.parseInt(which)));
        if (!scenarios.get(0).runsOn(backend)) {
            err.println("Scenario " + which + " does not run on " + backend.label() + "; it runs on "
                    + scenarios.get(0).backendsLabel() + " (--store " + firstStoreFor(scenarios.get(0)) + ")");
            return RelayMain.EXIT_CONFIG_ERROR;
        }
        ScenarioRunner runner = new ScenarioRunner(backend);
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            ScenarioResult result;
            try {
                result = runner.run(scenario);
            } catch (IllegalStateException e) {
                err.println("Cannot run the scenarios on " + runner.backend().label() + ": " + e.getMessage());
                return RelayMain.EXIT_START_FAILED;
            }
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

    private static String firstStoreFor(Scenario scenario) {
        return java.util.Arrays.stream(ScenarioBackend.values()).filter(scenario::runsOn).findFirst()
                .map(ScenarioBackend::cliName).orElseThrow();
    }
}
