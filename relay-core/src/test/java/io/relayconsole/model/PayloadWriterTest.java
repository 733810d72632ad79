package io.relayconsole.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadWriterTest {

    private static Item item(String json) throws MalformedDataException {
        return ItemParser.parseItem(json.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void putEventCarriesBothKindsAndLeavesTombstonesOut() throws Exception {
        Map<String, Item> flags = new LinkedHashMap<>();
        flags.put("on-flag", item("{\"key\":\"on-flag\",\"version\":2,\"on\":true}"));
        flags.put("gone", Item.tombstone("gone", 5));
        FullDataSet data = FullDataSet.of(flags, Map.of());

        String put = new String(PayloadWriter.putEvent(data), StandardCharsets.UTF_8);

        assertThat(put).isEqualTo(
                "{\"path\":\"/\",\"data\":{\"flags\":{\"on-flag\":{\"key\":\"on-flag\",\"version\":2,\"on\":true}},"
                        + "\"segments\":{}}}");
    }

    @Test
    void patchAndDeleteEventsAreValidJsonWithEscapedKeys() throws Exception {
        Item weird = item("{\"key\":\"a\\\"b\",\"version\":1}");
        JsonNode patch = Json.mapper().readTree(PayloadWriter.patchEvent("/flags/a\"b", weird));
        assertThat(patch.get("path").asText()).isEqualTo("/flags/a\"b");
        assertThat(patch.get("data").get("version").asInt()).isEqualTo(1);

        JsonNode delete = Json.mapper().readTree(PayloadWriter.deleteEvent("/segments/s", 9));
        assertThat(delete.get("path").asText()).isEqualTo("/segments/s");
        assertThat(delete.get("version").asLong()).isEqualTo(9);
    }

    @Test
    void tombstonesAreReadableAsFullItems() throws Exception {
        JsonNode node = Json.mapper().readTree(Item.tombstone("k\u00e9", 3).json());
        assertThat(node.get("key").asText()).isEqualTo("k\u00e9");
        assertThat(node.get("version").asLong()).isEqualTo(3);
        assertThat(node.get("deleted").asBoolean()).isTrue();
    }
}
