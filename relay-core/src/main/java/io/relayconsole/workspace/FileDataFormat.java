package io.relayconsole.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes the SDKs' file-data format, JSON or YAML by the file's extension ({@code .yaml}/{@code .yml}
 * is YAML, anything else JSON, as the SDKs decide). Writes are atomic: a temporary file in the same folder, then
 * a rename, so a crash leaves either the old file or the new one, never half of one.
 */
public final class FileDataFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());
    private static final String[] SECTIONS = {"flags", "flagValues", "segments"};

    private FileDataFormat() {
    }

    public static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    public static FileData read(Path file) throws FileDataException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FileDataException(file, file + ": no such file", e);
        } catch (IOException e) {
            throw new FileDataException(file, file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file, bytes);
    }

    /** Parses the bytes of {@code file} (the name decides JSON or YAML and appears in messages). */
    public static FileData parse(Path file, byte[] bytes) throws FileDataException {
        JsonNode root;
        try {
            root = mapper(file).readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new FileDataException(file, file.getFileName() + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FileDataException(file, file.getFileName() + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || (root.isObject() && root.isEmpty())) {
            return FileData.empty();
        }
        if (!root.isObject()) {
            throw shape(file, "the top level", "must be an object with \"flags\", \"flagValues\" and/or \"segments\"");
        }
        Map<String, ObjectNode> flags = objects(file, root, "flags");
        Map<String, JsonNode> values = new LinkedHashMap<>();
        JsonNode flagValues = section(file, root, "flagValues");
        for (Map.Entry<String, JsonNode> e : flagValues.properties()) {
            if (flags.containsKey(e.getKey())) {
                throw shape(file, "flagValues." + e.getKey(), "is also in \"flags\"; a flag key may appear once");
            }
            values.put(e.getKey(), e.getValue());
        }
        return new FileData(flags, values, objects(file, root, "segments"));
    }

    /** Writes atomically (see the class comment), JSON or YAML by the file's extension. */
    public static void write(Path file, FileData data) throws IOException {
        AtomicFiles.write(file, serialize(file, data));
    }

    public static byte[] serialize(Path file, FileData data) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        if (!data.flags().isEmpty() || data.flagValues().isEmpty()) {
            ObjectNode flags = root.putObject("flags");
            data.flags().forEach(flags::set);
        }
        if (!data.flagValues().isEmpty()) {
            ObjectNode values = root.putObject("flagValues");
            data.flagValues().forEach(values::set);
        }
        ObjectNode segments = root.putObject("segments");
        data.segments().forEach(segments::set);
        return mapper(file).writeValueAsBytes(root);
    }

    private static ObjectMapper mapper(Path file) {
        return isYaml(file) ? YAML : JSON;
    }

    private static JsonNode section(Path file, JsonNode root, String name) throws FileDataException {
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!java.util.Arrays.asList(SECTIONS).contains(e.getKey())) {
                throw shape(file, e.getKey(), "is not part of the file-data format (expected \"flags\","
                        + " \"flagValues\" or \"segments\")");
            }
        }
        JsonNode node = root.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw shape(file, name, "must be an object of items by key");
        }
        return node;
    }

    private static Map<String, ObjectNode> objects(Path file, JsonNode root, String name) throws FileDataException {
        Map<String, ObjectNode> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : section(file, root, name).properties()) {
            String path = name + "." + e.getKey();
            if (!(e.getValue() instanceof ObjectNode item)) {
                throw shape(file, path, "must be an object");
            }
            JsonNode key = item.path("key");
            if (!key.isMissingNode() && !key.asText().equals(e.getKey())) {
                throw shape(file, path + ".key", "is \"" + key.asText() + "\" but the item is listed as \""
                        + e.getKey() + "\"");
            }
            ObjectNode copy = item.deepCopy();
            copy.put("key", e.getKey());
            if (name.equals("flags") && !copy.path("variations").isArray()) {
                throw shape(file, path + ".variations", "is required: a flag needs an array of variations");
            }
            result.put(e.getKey(), copy);
        }
        return result;
    }

    private static FileDataException shape(Path file, String path, String what) {
        return new FileDataException(file, file.getFileName() + ": " + path + " " + what);
    }
}
