package io.relayconsole.bigsegments;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import java.io.IOException;
import java.util.Optional;

/** Which segments are big ones: {@code "unbounded": true}; their reference in the store is {@code <key>.g<generation>}. */
final class UnboundedSegments {
    private UnboundedSegments() {
    }

    /** The store reference of a live unbounded segment; empty for any other segment or an unreadable one. */
    static Optional<String> ref(Item segment) {
        if (segment.deleted()) {
            return Optional.empty();
        }
        boolean unbounded = false;
        String generation = null;
        try (JsonParser p = Json.FACTORY.createParser(segment.json())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("unbounded".equals(field)) {
                    unbounded = value == JsonToken.VALUE_TRUE;
                } else if ("generation".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    generation = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // the data source already reported unreadable items
        }
        // SDKs treat an unbounded segment without a generation as "not configured": it has no reference.
        return unbounded && generation != null ? Optional.of(segment.key() + ".g" + generation) : Optional.empty();
    }
}
