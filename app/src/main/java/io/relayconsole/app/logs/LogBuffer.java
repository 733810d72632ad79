package io.relayconsole.app.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-size ring of the latest log entries, written by any thread (the Logback appender) and read by the
 * Logs screen once per tick. When the reader falls behind, the oldest entries are lost, never memory.
 */
public final class LogBuffer {
    public static final int CAPACITY = 5000;
    private static final LogBuffer SHARED = new LogBuffer(CAPACITY);

    private final LogEntry[] ring;
    private long written;

    public LogBuffer(int capacity) {
        this.ring = new LogEntry[capacity];
    }

    /** The buffer the application's Logback appender writes into. */
    public static LogBuffer shared() {
        return SHARED;
    }

    /** The sequence number the next entry gets. */
    public synchronized long nextSequence() {
        return written;
    }

    public synchronized void append(java.time.Instant time, LogLevel level, String logger, String thread,
                                    String message) {
        ring[(int) (written % ring.length)] = new LogEntry(written, time, level, logger, thread, message);
        written++;
    }

    /** Entries with a sequence number at or after {@code from} that are still held, oldest first. */
    public synchronized List<LogEntry> since(long from) {
        long start = Math.max(from, written - ring.length);
        List<LogEntry> list = new ArrayList<>((int) Math.max(0, written - start));
        for (long i = start; i < written; i++) {
            list.add(ring[(int) (i % ring.length)]);
        }
        return list;
    }
}
