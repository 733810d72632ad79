package io.relayconsole.store.dynamodb;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table layout every LaunchDarkly SDK reads in daemon mode: partition key {@code namespace}, sort key
 * {@code key}, plus {@code version} (N) and {@code item} (S, the JSON). Namespaces are {@code features} and
 * {@code segments}, written {@code <prefix>:features} when the environment has a prefix; the marker item has
 * {@code namespace} = {@code key} = {@code [<prefix>:]$inited} and no other attributes.
 */
final class DynamoDbSchema {
    static final String NAMESPACE = "namespace";
    static final String KEY = "key";
    static final String VERSION = "version";
    static final String ITEM = "item";

    /** DynamoDB rejects items over 400 KB; the estimate below is compared with this, as the Go SDK does. */
    static final int MAX_ITEM_SIZE = 400_000;
    /** DynamoDB's per-item overhead in the size estimate. */
    static final int ITEM_OVERHEAD = 100;

    private static final String INITED = "$inited";

    private final String prefix;

    DynamoDbSchema(String prefix) {
        this.prefix = prefix == null || prefix.isEmpty() ? "" : prefix + ":";
    }

    String namespace(DataKind kind) {
        return prefix + kind.namespace();
    }

    String initedNamespace() {
        return prefix + INITED;
    }

    Map<String, AttributeValue> itemKey(DataKind kind, String key) {
        return Map.of(NAMESPACE, s(namespace(kind)), KEY, s(key));
    }

    Map<String, AttributeValue> initedKey() {
        return Map.of(NAMESPACE, s(initedNamespace()), KEY, s(initedNamespace()));
    }

    /** The full DynamoDB item for a flag or segment; both {@code version} and {@code item} are always set. */
    Map<String, AttributeValue> toAttributes(DataKind kind, Item item) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(NAMESPACE, s(namespace(kind)));
        attributes.put(KEY, s(item.key()));
        attributes.put(VERSION, AttributeValue.fromN(Long.toString(item.version())));
        attributes.put(ITEM, s(item.jsonString()));
        return attributes;
    }

    /** 100 + the UTF-8 length of every attribute name and value: the estimate of the Go SDK's writer. */
    static int estimatedSize(Map<String, AttributeValue> attributes) {
        int size = ITEM_OVERHEAD;
        for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
            size += utf8Length(e.getKey());
            AttributeValue value = e.getValue();
            if (value.s() != null) {
                size += utf8Length(value.s());
            } else if (value.n() != null) {
                size += value.n().length();
            }
        }
        return size;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
