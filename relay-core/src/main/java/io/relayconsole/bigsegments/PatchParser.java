package io.relayconsole.bigsegments;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.relayconsole.model.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a batch of patches (a JSON array, as both upstream endpoints send it) with Jackson's streaming parser, one
 * patch at a time and each patch's changes in parts of at most {@link #PART_SIZE} hashes, pulled by the store as it
 * writes ({@link PatchParts}): a patch of a million hashes is written while it is still arriving, and never held
 * whole. That needs {@code segmentId}, {@code version} and {@code previousVersion} before {@code changes}, the order
 * upstream writes them in; a patch in another order has its changes gathered first and handed over as one part.
 * Unknown fields are ignored; a patch without {@code segmentId} or {@code version}, or any syntax error, is malformed
 * from there on (the patches before it in the batch stand).
 */
final class PatchParser implements Closeable {
    static final int PART_SIZE = 1_000;

    /** A batch that cannot be read; the message says why, never with the payload. */
    static final class MalformedPatchException extends RuntimeException {
        MalformedPatchException(String message) {
            super(message);
        }

        MalformedPatchException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final JsonParser p;
    private final Closeable source;
    private boolean started;
    private boolean finished;
    /** The current patch's changes: streamed from the parser, or gathered when the header came after them. */
    private Changes changes;
    private BigSegmentPatch header;
    private long changesRead;
    private long readNanos;
    /** What reading last threw from inside {@link PatchParts#next()}, where a store may have wrapped it. */
    private RuntimeException failure;

    private PatchParser(JsonParser p, Closeable source) {
        this.p = p;
        this.source = source;
    }

    static PatchParser of(byte[] json) {
        try {
            return new PatchParser(Json.FACTORY.createParser(json), null);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** Reads {@code json} as it arrives; closing the parser closes {@code source} (e.g. the HTTP response). */
    static PatchParser of(InputStream json, Closeable source) throws IOException {
        return new PatchParser(Json.FACTORY.createParser(json), source);
    }

    /** The whole batch at once (tests, small batches). */
    static List<BigSegmentPatch> parse(byte[] json) {
        try (PatchParser parser = of(json)) {
            List<BigSegmentPatch> patches = new ArrayList<>();
            for (BigSegmentPatch h = parser.nextPatch(); h != null; h = parser.nextPatch()) {
                patches.add(parser.parts().collect(h));
            }
            return patches;
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /**
     * The next patch's header (no changes; they follow from {@link #parts()}), or null after the last patch. Parts
     * of the previous patch not read yet are skipped.
     */
    BigSegmentPatch nextPatch() throws IOException {
        long start = System.nanoTime();
        try {
            while (changes != null) {
                readPart();
            }
            if (finished) {
                return null;
            }
            if (!started) {
                started = true;
                expect(p.nextToken(), JsonToken.START_ARRAY, "an array of patches");
            }
            JsonToken next = p.nextToken();
            if (next == JsonToken.END_ARRAY) {
                finished = true;
                return null;
            }
            expect(next, JsonToken.START_OBJECT, "a patch object");
            return readHeader();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } finally {
            readNanos += System.nanoTime() - start;
        }
    }

    /** The current patch's changes, in parts; it throws {@link MalformedPatchException} or {@link UncheckedIOException}. */
    PatchParts parts() {
        return () -> {
            long start = System.nanoTime();
            try {
                return readPart();
            } catch (JsonProcessingException e) {
                throw failed(malformed(e));
            } catch (IOException e) {
                throw failed(new UncheckedIOException(e));
            } catch (MalformedPatchException e) {
                throw failed(e);
            } finally {
                readNanos += System.nanoTime() - start;
            }
        };
    }

    /**
     * Rethrows, as itself, what reading threw inside a store (which may have wrapped it in its own exception), so a
     * malformed patch or a broken connection is told from a store failure.
     */
    void rethrowReadFailure() throws IOException {
        RuntimeException f = failure;
        if (f instanceof UncheckedIOException io) {
            throw io.getCause();
        }
        if (f != null) {
            throw f;
        }
    }

    /** Context hashes read so far, over all patches. */
    long changesRead() {
        return changesRead;
    }

    /** Time spent reading and parsing so far (including waiting for upstream's bytes), in nanoseconds. */
    long readNanos() {
        return readNanos;
    }

    @Override
    public void close() throws IOException {
        try {
            p.close();
        } finally {
            if (source != null) {
                source.close();
            }
        }
    }

    private RuntimeException failed(RuntimeException e) {
        failure = e;
        return e;
    }

    static MalformedPatchException malformed(IOException e) {
        String message = e instanceof JsonProcessingException j
                ? j.getOriginalMessage() + " at " + j.getLocation().offsetDescription() : e.getMessage();
        return new MalformedPatchException("big-segment patches are not valid JSON: " + message, e);
    }

    /** Reads the patch's fields up to {@code changes} (streamed from there) or to its end (changes gathered). */
    private BigSegmentPatch readHeader() throws IOException {
        String environmentId = null;
        String segmentId = null;
        String version = null;
        String previousVersion = null;
        Changes gathered = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "environmentId" -> environmentId = text(value);
                case "segmentId" -> segmentId = text(value);
                case "version" -> version = text(value);
                case "previousVersion" -> previousVersion = value == JsonToken.VALUE_NULL ? "" : text(value);
                case "changes" -> {
                    Changes streamed = new Changes(value);
                    if (segmentId != null && version != null && previousVersion != null) {
                        changes = streamed;
                        return header = checked(environmentId, segmentId, version, previousVersion);
                    }
                    gathered = streamed.gatherAll();
                }
                default -> p.skipChildren();
            }
        }
        changes = gathered;
        return header = checked(environmentId, segmentId, version, previousVersion);
    }

    private static BigSegmentPatch checked(String environmentId, String segmentId, String version,
                                           String previousVersion) {
        if (segmentId == null || segmentId.isEmpty() || version == null || version.isEmpty()) {
            throw new MalformedPatchException("a big-segment patch has no segmentId or no version");
        }
        return new BigSegmentPatch(environmentId, segmentId, version, previousVersion, List.of(), List.of(),
                List.of(), List.of());
    }

    /** The next part of the current patch, or null (and the patch object read to its end) when there is no more. */
    private BigSegmentPatch readPart() throws IOException {
        if (changes == null) {
            return null;
        }
        BigSegmentPatch part = changes.nextPart();
        if (part != null) {
            return part;
        }
        if (changes.streamed) {
            // Fields after "changes" add nothing a store needs: the header was complete before them.
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                p.nextToken();
                p.skipChildren();
            }
        }
        changes = null;
        return null;
    }

    /**
     * {@code {"included":{"add":[],"remove":[]},"excluded":{...}}}, read into include-add, -remove, exclude-add,
     * -remove, where the parser left off: in parts, or all at once when the header is not known yet.
     */
    private final class Changes {
        final boolean streamed;
        /** Where the reading stands: before a set's name (-1), inside a set's object (-2), or in array 0..3. */
        private int list = -1;
        private int setBase;
        private boolean done;
        private List<List<String>> all;

        Changes(JsonToken start) {
            this.streamed = true;
            if (start == JsonToken.VALUE_NULL) {
                done = true;
            } else {
                expect(start, JsonToken.START_OBJECT, "an object of changes");
            }
        }

        private Changes(List<List<String>> all) {
            this.streamed = false;
            this.all = all;
        }

        Changes gatherAll() throws IOException {
            List<List<String>> lists = lists();
            for (BigSegmentPatch part = nextPart(); part != null; part = nextPart()) {
                lists.get(0).addAll(part.includedAdd());
                lists.get(1).addAll(part.includedRemove());
                lists.get(2).addAll(part.excludedAdd());
                lists.get(3).addAll(part.excludedRemove());
            }
            return new Changes(lists);
        }

        BigSegmentPatch nextPart() throws IOException {
            if (!streamed) {
                List<List<String>> lists = all;
                all = null;
                return lists == null ? null : part(lists);
            }
            if (done) {
                return null;
            }
            List<List<String>> lists = lists();
            int n = 0;
            while (n < PART_SIZE && !done) {
                if (list >= 0) {
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.END_ARRAY) {
                        list = -2;
                    } else {
                        lists.get(list).add(text(t));
                        n++;
                    }
                } else if (list == -2) {
                    // inside "included" or "excluded": "add" or "remove" arrays until the object ends
                    if (p.nextToken() != JsonToken.FIELD_NAME) {
                        list = -1;
                        continue;
                    }
                    String op = p.currentName();
                    JsonToken value = p.nextToken();
                    int index = "add".equals(op) ? setBase : "remove".equals(op) ? setBase + 1 : -1;
                    if (index < 0 || value == JsonToken.VALUE_NULL) {
                        p.skipChildren();
                    } else {
                        expect(value, JsonToken.START_ARRAY, "an array of context hashes");
                        list = index;
                    }
                } else {
                    if (p.nextToken() != JsonToken.FIELD_NAME) {
                        done = true;
                        continue;
                    }
                    String set = p.currentName();
                    JsonToken value = p.nextToken();
                    setBase = "included".equals(set) ? 0 : "excluded".equals(set) ? 2 : -1;
                    if (setBase < 0 || value == JsonToken.VALUE_NULL) {
                        p.skipChildren();
                    } else {
                        expect(value, JsonToken.START_OBJECT, "an object with add and remove");
                        list = -2;
                    }
                }
            }
            changesRead += n;
            return n == 0 ? null : part(lists);
        }

        private BigSegmentPatch part(List<List<String>> lists) {
            BigSegmentPatch h = header;
            return new BigSegmentPatch(h == null ? null : h.environmentId(), h == null ? "" : h.segmentId(),
                    h == null ? "" : h.version(), h == null ? "" : h.previousVersion(), lists.get(0), lists.get(1),
                    lists.get(2), lists.get(3));
        }

        private List<List<String>> lists() {
            return List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private String text(JsonToken token) throws IOException {
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
