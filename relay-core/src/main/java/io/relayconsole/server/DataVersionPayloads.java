package io.relayconsole.server;

import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.PayloadWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every serialized form of one data version, each built on first use and then shared by all requests and
 * streams: a reconnect storm costs one serialization, not one per client.
 */
final class DataVersionPayloads {
    private final FullDataSet data;
    private final Memo<SharedBytes> allPutFrame;
    private final Memo<SharedBytes> flagsPutFrame;
    private final Memo<EncodedBody> latestAll;
    private final Memo<EncodedBody> flagsMap;
    private final Memo<EncodedBody> segmentsMap;
    private final Memo<EncodedBody> phpFlags;

    DataVersionPayloads(FullDataSet data) {
        this.data = data;
        this.allPutFrame = new Memo<>(() -> SharedBytes.of(SseFrames.frame("put", PayloadWriter.putEvent(data))));
        this.flagsPutFrame = new Memo<>(() -> SharedBytes.of(SseFrames.frame("put", flagsMap().plain().toArray())));
        this.latestAll = new Memo<>(() -> EncodedBody.of(PayloadWriter.dataSet(data)));
        this.flagsMap = new Memo<>(() -> EncodedBody.of(PayloadWriter.itemMap(data.flags())));
        this.segmentsMap = new Memo<>(() -> EncodedBody.of(PayloadWriter.itemMap(data.segments())));
        this.phpFlags = new Memo<>(() -> EncodedBody.withEtag(flagsMap().plain().toArray(), phpEtag(data.flags())));
    }

    FullDataSet data() {
        return data;
    }

    /** {@code event: put} with {@code {"path":"/","data":{"flags":..,"segments":..}}}. */
    SharedBytes allPutFrame() {
        return allPutFrame.get();
    }

    /** {@code event: put} of the legacy flags-only stream: the data is the flags map itself. */
    SharedBytes flagsPutFrame() {
        return flagsPutFrame.get();
    }

    EncodedBody latestAll() {
        return latestAll.get();
    }

    EncodedBody flagsMap() {
        return flagsMap.get();
    }

    EncodedBody segmentsMap() {
        return segmentsMap.get();
    }

    /** The flags map with ld-relay's PHP ETag. */
    EncodedBody phpFlags() {
        return phpFlags.get();
    }

    /** {@code relay-} and the first 15 hex digits of the SHA-1 of the sorted {@code key:version} list. */
    static String phpEtag(Map<String, Item> items) {
        List<String> entries = new ArrayList<>(items.size());
        for (Item item : items.values()) {
            if (!item.deleted()) {
                entries.add(item.key() + ":" + item.version());
            }
        }
        entries.sort(null);
        byte[] text = String.join("\n", entries).getBytes(StandardCharsets.UTF_8);
        return "relay-" + EncodedBody.sha1Hex(text).substring(0, 15);
    }
}
