package io.relayconsole.upstream;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Reads a streamed event's data, refusing to hold more than a set number of UTF-8 bytes. */
final class EventDataReader {
    private EventDataReader() {
    }

    static final class TooLargeException extends Exception {
        TooLargeException(int limit) {
            super("data exceeds the limit of " + limit + " bytes");
        }
    }

    static byte[] read(Reader reader, int maxBytes) throws IOException, TooLargeException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        long bytes = 0;
        int n;
        while ((n = reader.read(buffer)) >= 0) {
            for (int i = 0; i < n; i++) {
                bytes += utf8Length(buffer[i]);
            }
            if (bytes > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            text.append(buffer, 0, n);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2; // a surrogate pair is four bytes in all
        }
        return 3;
    }
}
