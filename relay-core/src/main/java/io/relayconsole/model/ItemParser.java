package io.relayconsole.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads flags and segments out of JSON without re-serializing them: each item keeps the exact bytes it
 * arrived with, and only {@code key}, {@code version} and {@code deleted} are interpreted.
 */
public final class ItemParser {
    private ItemParser() {
    }

    /**
     * Parses one item. {@code expectedKey} (from a map key or a stream path) may be null; when given, an item
     * without a {@code key} property is accepted for tombstones only.
     */
    public static Item parseItem(byte[] json, String expectedKey) throws MalformedDataException {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedDataException("item is not a JSON object");
            }
            Item item = readItemObject(p, json, expectedKey);
            if (p.nextToken() != null) {
                throw new MalformedDataException("unexpected content after the item");
            }
            return item;
        } catch (IOException e) {
            throw invalidJson(e);
        }
    }

    /**
     * Parses an object {@code {"flags":{key:item,...},"segments":{key:item,...}}} as the polling endpoint and
     * the {@code put} event carry it. Unknown top-level properties are ignored, as the SDKs do.
     */
    public static FullDataSet parseDataSet(byte[] json) throws MalformedDataException {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedDataException("data is not a JSON object");
            }
            FullDataSet data = readDataSetObject(p, json);
            if (p.nextToken() != null) {
                throw new MalformedDataException("unexpected content after the data");
            }
            return data;
        } catch (IOException e) {
            throw invalidJson(e);
        }
    }

    /** Reads a data set object whose START_OBJECT is the parser's current token; {@code source} is the parser's input. */
    public static FullDataSet readDataSetObject(JsonParser p, byte[] source) throws IOException, MalformedDataException {
        Map<String, Item> flags = new LinkedHashMap<>();
        Map<String, Item> segments = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            DataKind kind = DataKind.byStreamName(name).orElse(null);
            if (kind == null || value == JsonToken.VALUE_NULL) {
                p.skipChildren();
                continue;
            }
            if (value != JsonToken.START_OBJECT) {
                throw new MalformedDataException("\"" + name + "\" is not an object");
            }
            Map<String, Item> target = kind == DataKind.FEATURES ? flags : segments;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new MalformedDataException(kind.streamName() + " item \"" + key + "\" is not an object");
                }
                target.put(key, readItemObject(p, source, key));
            }
        }
        return FullDataSet.of(flags, segments);
    }

    /** Reads an item whose START_OBJECT is the parser's current token, slicing its bytes from {@code source}. */
    public static Item readItemObject(JsonParser p, byte[] source, String expectedKey) throws IOException, MalformedDataException {
        int start = (int) p.currentTokenLocation().getByteOffset();
        String key = null;
        Long version = null;
        boolean deleted = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "key" -> key = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "version" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
                        throw new MalformedDataException(describe(expectedKey) + "has a non-numeric version");
                    }
                    version = p.getValueAsLong();
                }
                case "deleted" -> deleted = value == JsonToken.VALUE_TRUE;
                default -> p.skipChildren();
            }
        }
        int end = (int) p.currentLocation().getByteOffset();
        if (version == null) {
            throw new MalformedDataException(describe(expectedKey) + "has no version");
        }
        if (key == null) {
            if (expectedKey == null || !deleted) {
                throw new MalformedDataException(describe(expectedKey) + "has no key");
            }
            key = expectedKey;
        } else if (expectedKey != null && !key.equals(expectedKey) && !deleted) {
            throw new MalformedDataException("item key \"" + key + "\" does not match \"" + expectedKey + "\"");
        }
        if (start < 0 || end <= start || end > source.length) {
            throw new MalformedDataException("cannot locate the item in its source");
        }
        byte[] bytes = (start == 0 && end == source.length) ? source : Arrays.copyOfRange(source, start, end);
        return Item.of(expectedKey != null ? expectedKey : key, version, deleted, bytes);
    }

    private static MalformedDataException invalidJson(IOException e) {
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                ? jpe.getOriginalMessage() : e.getMessage();
        return new MalformedDataException("invalid JSON: " + message, e);
    }

    private static String describe(String key) {
        return key == null ? "item " : "item \"" + key + "\" ";
    }
}
