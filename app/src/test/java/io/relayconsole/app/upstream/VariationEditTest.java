package io.relayconsole.app.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.Json;
import org.junit.jupiter.api.Test;

class VariationEditTest {

    @Test
    void appliesVariationsAndReplacesARolloutWithOneVariation() throws Exception {
        ObjectNode flag = (ObjectNode) Json.mapper().readTree(
                "{\"key\":\"f\",\"variations\":[1,2],\"fallthrough\":{\"rollout\":{}},\"offVariation\":0}");
        ObjectNode edited = VariationEdit.parse("[\"a\",\"b\",\"c\"]", "2", "1").applyTo(flag);
        assertThat(edited.path("variations").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(edited.path("fallthrough").toString()).isEqualTo("{\"variation\":2}");
        assertThat(edited.path("offVariation").asInt()).isEqualTo(1);
    }

    @Test
    void explainsBadInput() {
        assertThatThrownBy(() -> VariationEdit.parse("[true,", "0", "0"))
                .hasMessageStartingWith("Variations must be a JSON array, e.g. [true, false]");
        assertThatThrownBy(() -> VariationEdit.parse("[]", "0", "0"))
                .hasMessage("Variations must be a JSON array with at least one value, e.g. [true, false]");
        assertThatThrownBy(() -> VariationEdit.parse("[true,false]", "2", "0"))
                .hasMessage("Fallthrough variation 2 does not exist: there are 2 variation(s), numbered 0 to 1");
        assertThatThrownBy(() -> VariationEdit.parse("[true,false]", "0", "x"))
                .hasMessage("Off variation must be a number from 0 to 1");
    }

    @Test
    void newKeysAreChecked() {
        assertThat(FlagEditorCommands.keyProblem("", "flag")).isEqualTo("Type a key for the new flag");
        assertThat(FlagEditorCommands.keyProblem("has space", "segment"))
                .isEqualTo("A segment key may contain only letters, digits, '.', '-' and '_'");
        assertThat(FlagEditorCommands.keyProblem("ok-key_1.2", "flag")).isNull();
    }
}
