package io.relayconsole.serving;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The most recent polls and refusals, in a fixed-size ring so a request flood cannot grow memory. */
public final class RequestLog {
    public static final int DEFAULT_CAPACITY = 2000;

    private final RequestRecord[] ring;
    private final ServingListener listener;
    private final Clock clock;
    private long written;

    public RequestLog(int capacity, Clock clock, ServingListener listener) {
        this.ring = new RequestRecord[capacity];
        this.clock = clock;
        this.listener = listener;
    }

    public void record(String environment, String remoteAddress, String method, String path, int status, long bytes,
                       String userAgent, String reason) {
        record(environment, remoteAddress, method, path, status, bytes, userAgent, reason, null, null);
    }

    /** A request that evaluated a context: its kind and JSON are kept for the console. */
    public void record(String environment, String remoteAddress, String method, String path, int status, long bytes,
                       String userAgent, String reason, String contextKind, String context) {
        RequestRecord r = new RequestRecord(clock.instant(), environment, remoteAddress, method, path, status, bytes,
                userAgent, reason, contextKind, context);
        synchronized (this) {
            ring[(int) (written % ring.length)] = r;
            written++;
        }
        listener.requestServed(r);
    }

    /** Oldest first. */
    public synchronized List<RequestRecord> recent() {
        int n = (int) Math.min(written, ring.length);
        List<RequestRecord> list = new ArrayList<>(n);
        for (long i = written - n; i < written; i++) {
            list.add(ring[(int) (i % ring.length)]);
        }
        return list;
    }

    public synchronized long total() {
        return written;
    }
}
