package io.relayconsole.upstream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.ItemParser;
import io.relayconsole.model.Json;
import io.relayconsole.model.MalformedDataException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads the data of the stream's {@code put}, {@code patch} and {@code delete} events (reference §2.3). Items
 * keep the exact bytes they arrived with. Anything that cannot be applied safely is a
 * {@link MalformedDataException} whose message says what was wrong.
 */
final class StreamPayloads {

    /** One item of a {@code patch} or {@code delete}. */
    record KindItem(DataKind kind, Item item) {
    }

    private StreamPayloads() {
    }

    /** {@code {"path":"/","data":{"flags":{...},"segments":{...}}}}; the path may be absent. */
    static FullDataSet parsePut(byte[] json) throws MalformedDataException {
        try (JsonParser p = startObject(json)) {
            FullDataSet data = null;
            String path = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("data".equals(name)) {
                    if (value != JsonToken.START_OBJECT) {
                        throw new MalformedDataException("\"data\" is not an object");
                    }
                    data = ItemParser.readDataSetObject(p, json);
                } else if ("path".equals(name)) {
                    path = readPath(p, value);
                } else {
                    p.skipChildren();
                }
            }
            expectEnd(p);
            if (path != null && !"/".equals(path)) {
                throw new MalformedDataException("unknown path \"" + path + "\"");
            }
            if (data == null) {
                throw new MalformedDataException("no \"data\"");
            }
            return data;
        } catch (IOException e) {
            throw invalidJson(e);
        }
    }

    /** {@code {"path":"/flags/<key>","data":<item>}}; the key comes from the path and must match the item's. */
    static KindItem parsePatch(byte[] json) throws MalformedDataException {
        try (JsonParser p = startObject(json)) {
            String path = null;
            int dataStart = -1;
            int dataEnd = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("path".equals(name)) {
                    path = readPath(p, value);
                } else if ("data".equals(name)) {
                    if (value != JsonToken.START_OBJECT) {
                        throw new MalformedDataException("\"data\" is not an object");
                    }
                    // Data may come before the path (the Go SDK allows it), so remember where it is.
                    dataStart = (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    dataEnd = (int) p.currentLocation().getByteOffset();
                } else {
                    p.skipChildren();
                }
            }
            expectEnd(p);
            DataKind.KindAndKey target = requirePath(path);
            if (dataStart < 0 || dataEnd <= dataStart) {
                throw new MalformedDataException("no \"data\"");
            }
            Item item = ItemParser.parseItem(Arrays.copyOfRange(json, dataStart, dataEnd), target.key());
            return new KindItem(target.kind(), item);
        } catch (IOException e) {
            throw invalidJson(e);
        }
    }

    /** {@code {"path":"/segments/<key>","version":N}}: becomes a tombstone. */
    static KindItem parseDelete(byte[] json) throws MalformedDataException {
        try (JsonParser p = startObject(json)) {
            String path = null;
            Long version = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("path".equals(name)) {
                    path = readPath(p, value);
                } else if ("version".equals(name)) {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw new MalformedDataException("\"version\" is not an integer");
                    }
                    version = p.getLongValue();
                } else {
                    p.skipChildren();
                }
            }
            expectEnd(p);
            DataKind.KindAndKey target = requirePath(path);
            if (version == null) {
                throw new MalformedDataException("no \"version\"");
            }
            return new KindItem(target.kind(), Item.tombstone(target.key(), version));
        } catch (IOException e) {
            throw invalidJson(e);
        }
    }

    private static JsonParser startObject(byte[] json) throws IOException, MalformedDataException {
        JsonParser p = Json.FACTORY.createParser(json);
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.close();
            throw new MalformedDataException("event data is not a JSON object");
        }
        return p;
    }

    private static String readPath(JsonParser p, JsonToken value) throws IOException, MalformedDataException {
        if (value != JsonToken.VALUE_STRING) {
            throw new MalformedDataException("\"path\" is not a string");
        }
        return p.getText();
    }

    private static DataKind.KindAndKey requirePath(String path) throws MalformedDataException {
        if (path == null) {
            throw new MalformedDataException("no \"path\"");
        }
        return DataKind.parsePath(path)
                .orElseThrow(() -> new MalformedDataException("unknown path \"" + path + "\""));
    }

    private static void expectEnd(JsonParser p) throws IOException, MalformedDataException {
        if (p.nextToken() != null) {
            throw new MalformedDataException("unexpected content after the event data");
        }
    }

    private static MalformedDataException invalidJson(IOException e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        return new MalformedDataException("invalid JSON: " + message, e);
    }
}
