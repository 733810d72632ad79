package io.relayconsole.testing;

import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small flags and data sets for tests. */
public final class TestItems {
    private TestItems() {
    }

    public static Item flag(String key, long version) {
        String json = "{\"key\":\"" + key + "\",\"version\":" + version + ",\"on\":true}";
        return Item.of(key, version, false, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A data set with the given flag keys, each at version 1. */
    public static FullDataSet flags(String... keys) {
        Map<String, Item> flags = new LinkedHashMap<>();
        for (String key : keys) {
            flags.put(key, flag(key, 1));
        }
        return FullDataSet.of(flags, Map.of());
    }
}
