package io.relayconsole.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.bigsegments.ContextHash;
import io.relayconsole.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The big segments of one simulated environment, as LaunchDarkly serves them to a relay: every membership edit is a
 * patch with the next version (1, 2, …) chained to the one before; {@code /sdk/big-segments/revisions?after=V} lists
 * the patches after V and the {@code /big-segments} stream sends each new one. Patches name context hashes, never
 * context keys. Thread-safe.
 */
public final class SimulatedBigSegments {
    /** Patches per revisions answer: the relay polls again until an empty answer, as with LaunchDarkly. */
    static final int PAGE = 100;

    private final SimulatedEnvironment environment;
    private final List<byte[]> patches = new ArrayList<>(); // JSON of patch i has version i + 1
    private final List<StreamSink> streams = new ArrayList<>();
    private final Map<String, Integer> generations = new HashMap<>();
    private volatile boolean unreachable;

    SimulatedBigSegments(SimulatedEnvironment environment) {
        this.environment = environment;
    }

    /** Adds (or replaces) an unbounded segment of generation 1 in the environment's data. */
    public void defineSegment(String key) {
        ObjectNode segment = Json.mapper().createObjectNode().put("key", key).put("unbounded", true)
                .put("generation", 1);
        synchronized (this) {
            generations.put(key, 1);
        }
        environment.put(io.relayconsole.model.DataKind.SEGMENTS, segment);
    }

    /** Context keys to add to or remove from the segment's included and excluded lists, as one patch. */
    public record Edit(Collection<String> include, Collection<String> uninclude, Collection<String> exclude,
                       Collection<String> unexclude) {
        public static Edit including(Collection<String> keys) {
            return new Edit(keys, List.of(), List.of(), List.of());
        }

        public static Edit excluding(Collection<String> keys) {
            return new Edit(List.of(), List.of(), keys, List.of());
        }

        public static Edit removingIncluded(Collection<String> keys) {
            return new Edit(List.of(), keys, List.of(), List.of());
        }
    }

    /** Records one patch of {@code segmentKey} (defined first) and streams it; returns its version. */
    public synchronized String edit(String segmentKey, Edit edit) {
        Integer generation = generations.get(segmentKey);
        if (generation == null) {
            throw new IllegalArgumentException("no big segment \"" + segmentKey + "\"");
        }
        String version = Integer.toString(patches.size() + 1);
        String previous = patches.isEmpty() ? "" : Integer.toString(patches.size());
        byte[] json = patchJson(segmentKey + ".g" + generation, version, previous, edit);
        patches.add(json);
        broadcast(array(List.of(json)));
        return version;
    }

    /**
     * Makes the big-segments endpoints answer 503 (and ends their streams) while the flag endpoints stay up: LaunchDarkly
     * partly down, as a relay meets it when only its big segments can no longer be synchronized.
     */
    public void setUnreachable(boolean value) {
        unreachable = value;
        if (value) {
            disconnectStreams();
        }
    }

    public boolean isUnreachable() {
        return unreachable;
    }

    /** Sends data as it is on every {@code /big-segments} stream (to test how the relay takes bad input). */
    public synchronized void sendRaw(String data) {
        broadcast(data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The JSON array of at most {@link #PAGE} patches after {@code cursor} (all from the first when null or ""). */
    synchronized byte[] revisionsAfter(String cursor) {
        int from = 0;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                from = Math.max(0, Integer.parseInt(cursor));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unknown cursor \"" + cursor + "\"");
            }
        }
        return array(patches.subList(Math.min(from, patches.size()), Math.min(from + PAGE, patches.size())));
    }

    synchronized void subscribe(StreamSink sink) {
        streams.add(sink);
    }

    synchronized void unsubscribe(StreamSink sink) {
        streams.remove(sink);
    }

    /** Ends every live {@code /big-segments} stream (a fault, or the environment removed); clients reconnect. */
    synchronized void disconnectStreams() {
        for (StreamSink sink : new ArrayList<>(streams)) {
            sink.close();
        }
    }

    private void broadcast(byte[] data) {
        for (StreamSink sink : streams) {
            sink.send("patch", data);
        }
    }

    /** The items as one JSON array, allocated once at its exact size: a page may hold a million-member patch. */
    private static byte[] array(List<byte[]> items) {
        int length = 2 + Math.max(0, items.size() - 1);
        for (byte[] item : items) {
            length += item.length;
        }
        byte[] out = new byte[length];
        out[0] = '[';
        int at = 1;
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            byte[] item = items.get(i);
            System.arraycopy(item, 0, out, at, item.length);
            at += item.length;
        }
        out[at] = ']';
        return out;
    }

    private byte[] patchJson(String ref, String version, String previous, Edit edit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("environmentId", "simulated");
            g.writeStringField("segmentId", ref);
            g.writeStringField("version", version);
            g.writeStringField("previousVersion", previous);
            g.writeObjectFieldStart("changes");
            writeSet(g, "included", edit.include(), edit.uninclude());
            writeSet(g, "excluded", edit.exclude(), edit.unexclude());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeSet(JsonGenerator g, String name, Collection<String> add, Collection<String> remove)
            throws IOException {
        g.writeObjectFieldStart(name);
        writeHashes(g, "add", add);
        writeHashes(g, "remove", remove);
        g.writeEndObject();
    }

    private static void writeHashes(JsonGenerator g, String name, Collection<String> contextKeys) throws IOException {
        g.writeArrayFieldStart(name);
        for (String key : contextKeys) {
            g.writeString(ContextHash.of(key));
        }
        g.writeEndArray();
    }
}
