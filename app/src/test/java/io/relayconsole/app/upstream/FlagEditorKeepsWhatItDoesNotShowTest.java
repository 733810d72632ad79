package io.relayconsole.app.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Json;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.simulator.SimulatedEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rollout-loss bug: the sample flag {@code dark-mode} serves a 30/70 percentage rollout by default. The editor
 * used to show "Fallthrough variation 0", and saving the variations replaced the rollout with variation 0.
 */
class FlagEditorKeepsWhatItDoesNotShowTest {
    private final FlagSimulator simulator = new FlagSimulator();
    private final SimulatedEnvironment env = simulator.addEnvironment("sdk-editor-test");
    private final FlagEditorViewModel model = new FlagEditorViewModel();

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void theFallthroughFieldShowsTheRolloutTheFlagHolds() throws Exception {
        model.edit(env.flag("dark-mode").orElseThrow());

        assertThat(model.fallthroughProperty().get()).isNotEqualTo("0")
                .isEqualTo("{\"rollout\":{\"variations\":[{\"variation\":0,\"weight\":30000},"
                        + "{\"variation\":1,\"weight\":70000}]}}");
        assertThat(model.offProperty().get()).isEqualTo("1");
        assertThat(model.flagSummaryProperty().get()).contains("fallthrough is a percentage rollout");
    }

    @Test
    void savingAnotherFieldKeepsTheRolloutAndEverythingElse() throws Exception {
        JsonNode before = json(DataKind.FEATURES, "dark-mode");
        model.edit(env.flag("dark-mode").orElseThrow());

        model.offProperty().set("0");
        save("dark-mode");

        JsonNode after = json(DataKind.FEATURES, "dark-mode");
        assertThat(after.path("fallthrough")).isEqualTo(before.path("fallthrough"));
        assertThat(after.path("offVariation").asInt()).isEqualTo(0);
        ObjectNode unchanged = ((ObjectNode) after.deepCopy());
        unchanged.put("offVariation", 1).put("version", before.path("version").asLong());
        assertThat(unchanged.toString()).isEqualTo(before.toString());
    }

    @Test
    void aRolloutEditedAsJsonIsSavedAndAVariationNumberReplacesItOnlyWhenTyped() throws Exception {
        model.edit(env.flag("dark-mode").orElseThrow());
        model.fallthroughProperty().set("{\"rollout\":{\"variations\":[{\"variation\":0,\"weight\":50000},"
                + "{\"variation\":1,\"weight\":50000}]}}");
        save("dark-mode");
        assertThat(json(DataKind.FEATURES, "dark-mode").path("fallthrough").path("rollout").path("variations")
                .get(0).path("weight").asInt()).isEqualTo(50000);

        model.edit(env.flag("dark-mode").orElseThrow());
        model.fallthroughProperty().set("1");
        save("dark-mode");
        assertThat(json(DataKind.FEATURES, "dark-mode").path("fallthrough").toString()).isEqualTo("{\"variation\":1}");
    }

    @Test
    void aFlagWithoutAnOffVariationKeepsHavingNone() throws Exception {
        env.putFlag("{\"key\":\"no-off\",\"on\":true,\"variations\":[1,2],\"fallthrough\":{\"variation\":0}}");
        model.edit(env.flag("no-off").orElseThrow());
        assertThat(model.offProperty().get()).isEmpty();

        model.variationsProperty().set("[1,2,3]");
        save("no-off");

        JsonNode after = json(DataKind.FEATURES, "no-off");
        assertThat(after.has("offVariation")).isFalse();
        assertThat(after.path("variations").toString()).isEqualTo("[1,2,3]");
    }

    /** What FlagEditorCommands.saveVariations does, without the console's task thread. */
    private void save(String key) throws Exception {
        VariationEdit edit = VariationEdit.parse(model.variationsProperty().get(), model.fallthroughProperty().get(),
                model.offProperty().get());
        ObjectNode flag = (ObjectNode) Json.mapper().readTree(env.flag(key).orElseThrow().json());
        env.put(DataKind.FEATURES, edit.applyChangesTo(flag, model.loaded()));
    }

    private JsonNode json(DataKind kind, String key) throws Exception {
        return Json.mapper().readTree(env.item(kind, key).orElseThrow().json());
    }
}
