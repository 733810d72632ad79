package io.relayconsole.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the JSON documents of the protocol from items' original bytes, so nothing is re-serialized.
 * Tombstones are left out of full documents, as LaunchDarkly does.
 */
public final class PayloadWriter {
    private PayloadWriter() {
    }

    /** {@code {"flags":{...},"segments":{...}}}: the polling document and the data of a {@code put}. */
    public static byte[] dataSet(FullDataSet data) {
        Out out = new Out(estimate(data));
        writeDataSet(out, data);
        return out.toByteArray();
    }

    /** {@code {"path":"/","data":{"flags":{...},"segments":{...}}}}: the data line of a {@code put} on {@code /all}. */
    public static byte[] putEvent(FullDataSet data) {
        Out out = new Out(estimate(data) + 32);
        out.ascii("{\"path\":\"/\",\"data\":");
        writeDataSet(out, data);
        out.ascii("}");
        return out.toByteArray();
    }

    /** {@code {"<key>":<item>,...}} of the live items of one kind. */
    public static byte[] itemMap(Map<String, Item> items) {
        Out out = new Out(estimate(items) + 2);
        writeItemMap(out, items);
        return out.toByteArray();
    }

    /** {@code {"path":"<prefix><key>","data":<item>}}: a {@code patch}. */
    public static byte[] patchEvent(String path, Item item) {
        Out out = new Out(item.json().length + path.length() + 32);
        out.ascii("{\"path\":").utf8(Json.quote(path)).ascii(",\"data\":").bytes(item.json()).ascii("}");
        return out.toByteArray();
    }

    /** {@code {"path":"<prefix><key>","version":N}}: a {@code delete}. */
    public static byte[] deleteEvent(String path, long version) {
        return ("{\"path\":" + Json.quote(path) + ",\"version\":" + version + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static void writeDataSet(Out out, FullDataSet data) {
        out.ascii("{\"flags\":");
        writeItemMap(out, data.flags());
        out.ascii(",\"segments\":");
        writeItemMap(out, data.segments());
        out.ascii("}");
    }

    private static void writeItemMap(Out out, Map<String, Item> items) {
        out.ascii("{");
        boolean first = true;
        for (Map.Entry<String, Item> e : items.entrySet()) {
            Item item = e.getValue();
            if (item.deleted()) {
                continue;
            }
            if (!first) {
                out.ascii(",");
            }
            first = false;
            out.utf8(Json.quote(e.getKey())).ascii(":").bytes(item.json());
        }
        out.ascii("}");
    }

    private static int estimate(FullDataSet data) {
        return estimate(data.flags()) + estimate(data.segments()) + 32;
    }

    private static int estimate(Map<String, Item> items) {
        int n = 0;
        for (Item item : items.values()) {
            n += item.json().length + item.key().length() + 4;
        }
        return n;
    }

    /** A byte buffer sized up front from the items, so large payloads are not copied while growing. */
    private static final class Out extends ByteArrayOutputStream {
        Out(int size) {
            super(Math.max(size, 16));
        }

        Out ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                write(s.charAt(i));
            }
            return this;
        }

        Out utf8(String s) {
            writeBytes(s.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Out bytes(byte[] b) {
            write(b, 0, b.length);
            return this;
        }
    }
}
