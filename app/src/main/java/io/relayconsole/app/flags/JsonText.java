package io.relayconsole.app.flags;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import java.io.IOException;

/** An item's JSON for people to read: indented, or as received when it cannot be parsed. */
public final class JsonText {
    private JsonText() {
    }

    public static String pretty(Item item) {
        if (item == null) {
            return "";
        }
        try {
            JsonNode node = Json.mapper().readTree(item.json());
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            return item.jsonString();
        }
    }
}
