package io.relayconsole.app.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.SimulatedEnvironment;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The editor's targeting fields, validation and diff on the sample flags of a real built-in upstream: each kind of
 * edit changes that field and nothing else the flag holds.
 */
class FlagEditorCompletionsTest {
    private final FlagSimulator simulator = new FlagSimulator();
    private final SimulatedEnvironment env = simulator.addEnvironment("sdk-editor-completions");
    private final FlagEditorViewModel model = new FlagEditorViewModel();

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void theTargetingFieldsShowWhatTheFlagHolds() {
        load("new-checkout");
        assertThat(model.targetsProperty().get()).isEqualTo("[{\"variation\":0,\"values\":[\"user-alice\"]}]");
        assertThat(model.rulesProperty().get()).contains("\"clauses\"");
        assertThat(model.prerequisitesProperty().get()).isEqualTo("[]");
        assertThat(model.diffProperty().get()).as("nothing changed yet").isEmpty();
    }

    @Test
    void editingTargetsChangesTargetsOnly() throws Exception {
        assertOnlyChanged("new-checkout", "targets",
                () -> model.targetsProperty().set("[{\"variation\":1,\"values\":[\"user-bob\",\"user-carol\"]}]"));
    }

    @Test
    void editingRulesWithEveryOperatorAndARolloutChangesRulesOnly() throws Exception {
        StringBuilder rules = new StringBuilder("[");
        for (String op : TargetingEdit.OPERATORS.stream().sorted().toList()) {
            rules.append("{\"clauses\":[{\"attribute\":\"key\",\"op\":\"").append(op)
                    .append("\",\"values\":[\"x\"],\"negate\":false}],\"variation\":1},");
        }
        rules.append("{\"clauses\":[{\"attribute\":\"country\",\"op\":\"in\",\"values\":[\"fr\"]}],\"rollout\":"
                + "{\"variations\":[{\"variation\":0,\"weight\":25000},{\"variation\":1,\"weight\":75000}]}}]");
        assertOnlyChanged("dark-mode", "rules", () -> model.rulesProperty().set(rules.toString()));
        JsonNode saved = json("dark-mode");
        assertThat(saved.path("rules")).hasSize(TargetingEdit.OPERATORS.size() + 1);
        assertThat(saved.path("fallthrough").has("rollout")).as("the fallthrough rollout kept").isTrue();
    }

    @Test
    void editingPrerequisitesChangesPrerequisitesOnly() throws Exception {
        assertOnlyChanged("banner-text", "prerequisites",
                () -> model.prerequisitesProperty().set("[{\"key\":\"new-checkout\",\"variation\":0}]"));
    }

    @Test
    void variationsOfEveryJsonTypeAreKept() throws Exception {
        assertOnlyChanged("search-algorithm", "variations",
                () -> model.variationsProperty().set("[1.5,\"text\",true,{\"nested\":[1,2]},[\"a\"],null]"));
        assertThat(json("search-algorithm").path("variations").toString())
                .isEqualTo("[1.5,\"text\",true,{\"nested\":[1,2]},[\"a\"],null]");
    }

    @Test
    void aProblemNamesItsField() {
        load("new-checkout");
        model.rulesProperty().set("[{\"clauses\":[{\"attribute\":\"email\",\"op\":\"endsWith\",\"values\":[\"@a\"]},"
                + "{\"attribute\":\"plan\",\"op\":\"equals\",\"values\":[\"pro\"]}],\"variation\":0}]");
        assertThatThrownBy(model::edits).hasMessageStartingWith("rules[0].clauses[1].op: \"equals\" is not an operator");
        assertThat(model.diffProperty().get()).startsWith("\u2716 rules[0].clauses[1].op");

        model.rulesProperty().set("[{\"clauses\":[{\"attribute\":\"email\",\"op\":\"in\",\"values\":[]}],\"variation\":7}]");
        assertThatThrownBy(model::edits).hasMessageStartingWith("rules[0] variation 7 does not exist");

        model.rulesProperty().set("[]");
        model.targetsProperty().set("[{\"variation\":0,\"values\":[42]}]");
        assertThatThrownBy(model::edits).hasMessageStartingWith("targets[0].values must be an array of context keys");

        model.targetsProperty().set("[]");
        model.prerequisitesProperty().set("[{\"key\":\"no-such-flag\",\"variation\":0}]");
        assertThatThrownBy(model::edits).hasMessage("prerequisites[0].key: there is no flag \"no-such-flag\" in this environment");
        model.prerequisitesProperty().set("[{\"key\":\"new-checkout\",\"variation\":0}]");
        assertThatThrownBy(model::edits).hasMessageContaining("cannot be its own prerequisite");
    }

    @Test
    void theDiffShowsUnsavedAgainstSaved() {
        load("new-checkout");
        model.offProperty().set("0");
        model.targetsProperty().set("[]");
        assertThat(model.diffProperty().get().lines().toList()).containsExactlyInAnyOrder(
                "- targets: [{\"variation\":0,\"values\":[\"user-alice\"]}]",
                "+ targets: []",
                "- offVariation: 1",
                "+ offVariation: 0");
    }

    private void load(String key) {
        model.items(env.flags().stream().map(Item::key).toList(), List.of());
        model.selectedFlagProperty().set(key);
        model.edit(env.flag(key).orElseThrow());
    }

    /** Loads the flag, makes the edit, saves as FlagEditorCommands does, and compares every other field. */
    private void assertOnlyChanged(String key, String field, Runnable edit) throws Exception {
        JsonNode before = json(key);
        load(key);
        edit.run();
        assertThat(model.diffProperty().get()).contains("+ " + field + ": ");
        ObjectNode flag = (ObjectNode) Json.mapper().readTree(env.flag(key).orElseThrow().json());
        env.put(DataKind.FEATURES, model.edits().applyTo(flag));

        JsonNode after = json(key);
        assertThat(after.path(field)).isNotEqualTo(before.path(field));
        for (String name : iterable(before)) {
            if (!Set.of(field, "version").contains(name)) {
                assertThat(after.path(name)).as(name).isEqualTo(before.path(name));
            }
        }
    }

    private static Iterable<String> iterable(JsonNode node) {
        return node::fieldNames;
    }

    private JsonNode json(String key) throws Exception {
        return Json.mapper().readTree(env.flag(key).orElseThrow().json());
    }
}
