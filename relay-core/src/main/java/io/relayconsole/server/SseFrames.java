package io.relayconsole.server;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.model.PayloadWriter;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent event frames, always {@code event:} before {@code data:} (the Java SDK requires that order),
 * with single-line JSON data.
 */
final class SseFrames {
    static final byte[] HEARTBEAT = ":\n".getBytes(StandardCharsets.US_ASCII);
    /** ld-relay's client-side {@code ping}: data of one space, which an empty data field would lose (§2.7). */
    static final byte[] PING = "event: ping\ndata:  \n\n".getBytes(StandardCharsets.US_ASCII);

    private SseFrames() {
    }

    static byte[] frame(String event, byte[] data) {
        byte[] head = ("event: " + event + "\ndata: ").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + data.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(data, 0, out, head.length, data.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        return out;
    }

    /** A patch or, for a tombstone, a delete, as the {@code /all} stream carries it. */
    static byte[] itemEvent(DataKind kind, Item item) {
        String path = kind.pathPrefix() + item.key();
        return item.deleted()
                ? frame("delete", PayloadWriter.deleteEvent(path, item.version()))
                : frame("patch", PayloadWriter.patchEvent(path, item));
    }

    /** The legacy {@code /flags} stream's form: paths are just {@code /<key>}. */
    static byte[] legacyFlagEvent(Item item) {
        String path = "/" + item.key();
        return item.deleted()
                ? frame("delete", PayloadWriter.deleteEvent(path, item.version()))
                : frame("patch", PayloadWriter.patchEvent(path, item));
    }
}
