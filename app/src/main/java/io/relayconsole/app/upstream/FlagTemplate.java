package io.relayconsole.app.upstream;

import io.relayconsole.model.Json;

/** Starting points for a new flag in the built-in upstream; the simulator fills in the remaining fields. */
public enum FlagTemplate {
    BOOLEAN("Boolean", "[true,false]", 0, 1),
    STRING("String", "[\"variation A\",\"variation B\"]", 0, 1),
    NUMBER("Number", "[10,100]", 0, 1),
    JSON("JSON", "[{\"enabled\":true,\"limit\":10},{\"enabled\":false,\"limit\":0}]", 0, 1);

    private final String label;
    private final String variations;
    private final int fallthrough;
    private final int off;

    FlagTemplate(String label, String variations, int fallthrough, int off) {
        this.label = label;
        this.variations = variations;
        this.fallthrough = fallthrough;
        this.off = off;
    }

    /** The new flag's JSON: on, serving the first variation to everyone. */
    public String json(String key) {
        return "{\"key\":" + Json.quote(key) + ",\"on\":true,\"variations\":" + variations
                + ",\"fallthrough\":{\"variation\":" + fallthrough + "},\"offVariation\":" + off + "}";
    }

    @Override
    public String toString() {
        return label;
    }
}
