package io.relayconsole.model;

import java.util.Optional;

/**
 * The two kinds of data the relay carries. {@link #namespace()} is the store name every SDK reads in daemon
 * mode; {@link #streamName()} is the name used in SSE paths and JSON payloads.
 */
public enum DataKind {
    // Segments first: a full init writes them before the flags that reference them.
    SEGMENTS("segments", "segments"),
    FEATURES("features", "flags");

    private final String namespace;
    private final String streamName;

    DataKind(String namespace, String streamName) {
        this.namespace = namespace;
        this.streamName = streamName;
    }

    /** Name of the collection in the persistent stores: {@code features} or {@code segments}. */
    public String namespace() {
        return namespace;
    }

    /** Name in stream paths and payload maps: {@code flags} or {@code segments}. */
    public String streamName() {
        return streamName;
    }

    /** Path prefix of a stream patch/delete, e.g. {@code /flags/}. */
    public String pathPrefix() {
        return "/" + streamName + "/";
    }

    public static Optional<DataKind> byStreamName(String name) {
        for (DataKind kind : values()) {
            if (kind.streamName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Parses {@code /flags/<key>} or {@code /segments/<key>}; anything else is empty. */
    public static Optional<KindAndKey> parsePath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (DataKind kind : values()) {
            String prefix = kind.pathPrefix();
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                return Optional.of(new KindAndKey(kind, path.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }

    public record KindAndKey(DataKind kind, String key) {
    }
}
