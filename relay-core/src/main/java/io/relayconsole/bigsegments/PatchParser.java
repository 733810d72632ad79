package io.relayconsole.bigsegments;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.relayconsole.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a batch of patches (a JSON array, as both upstream endpoints send it) with Jackson's streaming parser, so a
 * patch of a million hashes costs the hashes and not a tree. Unknown fields are ignored; a patch without
 * {@code segmentId} or {@code version}, or any syntax error, makes the whole batch malformed.
 */
final class PatchParser {
    private PatchParser() {
    }

    /** A batch that cannot be read; the message says why, never with the payload. */
    static final class MalformedPatchException extends RuntimeException {
        MalformedPatchException(String message) {
            super(message);
        }

        MalformedPatchException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static List<BigSegmentPatch> parse(byte[] json) {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            return readBatch(p);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    static List<BigSegmentPatch> parse(InputStream json) {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            return readBatch(p);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private static MalformedPatchException malformed(IOException e) {
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                ? j.getOriginalMessage() + " at " + j.getLocation().offsetDescription() : e.getMessage();
        return new MalformedPatchException("big-segment patches are not valid JSON: " + message, e);
    }

    private static List<BigSegmentPatch> readBatch(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.START_ARRAY, "an array of patches");
        List<BigSegmentPatch> patches = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p.currentToken(), JsonToken.START_OBJECT, "a patch object");
            patches.add(readPatch(p));
        }
        return patches;
    }

    private static BigSegmentPatch readPatch(JsonParser p) throws IOException {
        String environmentId = null;
        String segmentId = null;
        String version = null;
        String previousVersion = "";
        List<List<String>> changes = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "environmentId" -> environmentId = text(p, value);
                case "segmentId" -> segmentId = text(p, value);
                case "version" -> version = text(p, value);
                case "previousVersion" -> previousVersion = value == JsonToken.VALUE_NULL ? "" : text(p, value);
                case "changes" -> readChanges(p, value, changes);
                default -> p.skipChildren();
            }
        }
        if (segmentId == null || segmentId.isEmpty() || version == null || version.isEmpty()) {
            throw new MalformedPatchException("a big-segment patch has no segmentId or no version");
        }
        return new BigSegmentPatch(environmentId, segmentId, version, previousVersion, changes.get(0), changes.get(1),
                changes.get(2), changes.get(3));
    }

    /** {@code {"included":{"add":[],"remove":[]},"excluded":{...}}} into include-add, -remove, exclude-add, -remove. */
    private static void readChanges(JsonParser p, JsonToken start, List<List<String>> into) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return;
        }
        expect(start, JsonToken.START_OBJECT, "an object of changes");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String set = p.currentName();
            JsonToken value = p.nextToken();
            int base = switch (set) {
                case "included" -> 0;
                case "excluded" -> 2;
                default -> -1;
            };
            if (base < 0 || value == JsonToken.VALUE_NULL) {
                p.skipChildren();
                continue;
            }
            expect(value, JsonToken.START_OBJECT, "an object with add and remove");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String op = p.currentName();
                JsonToken list = p.nextToken();
                int index = "add".equals(op) ? base : "remove".equals(op) ? base + 1 : -1;
                if (index < 0 || list == JsonToken.VALUE_NULL) {
                    p.skipChildren();
                    continue;
                }
                expect(list, JsonToken.START_ARRAY, "an array of context hashes");
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    into.get(index).add(text(p, p.currentToken()));
                }
            }
        }
    }

    private static String text(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw new MalformedPatchException("expected a string for \"" + p.currentName() + "\", found " + token);
        }
        return p.getText();
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new MalformedPatchException("expected " + what + ", found " + actual);
        }
    }
}
