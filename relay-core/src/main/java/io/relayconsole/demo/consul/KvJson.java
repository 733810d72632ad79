package io.relayconsole.demo.consul;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/** Consul's JSON form of a KV entry; an empty value is {@code null}, as Go encodes a nil byte slice. */
final class KvJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private KvJson() {
    }

    static ObjectNode entry(KvEntry entry) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("LockIndex", entry.lockIndex());
        node.put("Key", entry.key());
        node.put("Flags", entry.flags());
        if (entry.value() == null || entry.value().length == 0) {
            node.putNull("Value");
        } else {
            node.put("Value", Base64.getEncoder().encodeToString(entry.value()));
        }
        node.put("CreateIndex", entry.createIndex());
        node.put("ModifyIndex", entry.modifyIndex());
        return node;
    }

    static ArrayNode entries(Iterable<KvEntry> entries) {
        ArrayNode array = MAPPER.createArrayNode();
        entries.forEach(e -> array.add(entry(e)));
        return array;
    }

    static byte[] bytes(Object node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
