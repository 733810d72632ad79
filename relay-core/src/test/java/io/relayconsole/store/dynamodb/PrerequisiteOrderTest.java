package io.relayconsole.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.model.Item;
import io.relayconsole.model.ItemParser;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrerequisiteOrderTest {

    private static Item flag(String key, String... prerequisites) {
        StringBuilder json = new StringBuilder("{\"key\":\"" + key + "\",\"version\":1,\"prerequisites\":[");
        for (int i = 0; i < prerequisites.length; i++) {
            json.append(i > 0 ? "," : "").append("{\"key\":\"").append(prerequisites[i]).append("\",\"variation\":0}");
        }
        try {
            return ItemParser.parseItem(json.append("]}").toString().getBytes(StandardCharsets.UTF_8), key);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void prerequisitesComeFirstAndEverythingElseKeepsItsOrder() {
        Map<String, Item> flags = new LinkedHashMap<>();
        flags.put("top", flag("top", "middle", "unknown"));
        flags.put("plain", flag("plain"));
        flags.put("middle", flag("middle", "base"));
        flags.put("base", flag("base"));
        flags.put("gone", Item.tombstone("gone", 2));

        assertThat(PrerequisiteOrder.of(flags)).extracting(Item::key)
                .containsExactly("base", "middle", "top", "plain", "gone");
    }

    @Test
    void aCycleDoesNotLoseOrRepeatFlags() {
        Map<String, Item> flags = new LinkedHashMap<>();
        flags.put("a", flag("a", "b"));
        flags.put("b", flag("b", "a"));
        assertThat(PrerequisiteOrder.of(flags)).extracting(Item::key).containsExactly("b", "a");
    }
}
