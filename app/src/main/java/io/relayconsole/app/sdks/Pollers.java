package io.relayconsole.app.sdks;

import io.relayconsole.serving.RequestRecord;
import io.relayconsole.serving.SdkConnectionInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * SDKs that poll (browsers calling evalx, server SDKs in polling mode) hold no connection the relay could list, so
 * the SDKs screen shows one row per poller seen: environment, host, SDK and context kind. Its counters are the
 * polls answered and their bytes; a poller not seen for {@link #FORGET_AFTER} is dropped. Refusals are not polls
 * (they have their own table), and neither are event posts.
 */
final class Pollers {
    static final Duration FORGET_AFTER = Duration.ofMinutes(5);

    private final Map<Key, Poller> byKey = new HashMap<>();
    private long nextId = -1; // negative: never an open stream's id

    private record Key(String environment, String host, String userAgent, String contextKind) {
    }

    private static final class Poller {
        final SdkRow row;
        final Instant first;
        final String address;
        final RequestRecord sample;
        long polls;
        long bytes;
        Instant last;

        Poller(long id, RequestRecord first) {
            this.first = first.time();
            this.address = first.remoteAddress();
            this.sample = first;
            this.row = new SdkRow(info(id, first, 0, 0, first.time()));
        }

        SdkConnectionInfo info(long id, RequestRecord r, long polls, long bytes, Instant last) {
            return new SdkConnectionInfo(id, r.environment(), address, r.userAgent(), null, null, r.path(),
                    SdkConnectionInfo.Mode.POLL, first, polls, bytes, last, r.contextKind(), r.context());
        }
    }

    record Changes(List<SdkRow> added, List<SdkRow> gone) {
    }

    /** Takes one tick's answered requests; returns the rows to add and to drop. */
    Changes apply(List<RequestRecord> answered) {
        List<SdkRow> added = new ArrayList<>();
        Instant latest = null;
        for (RequestRecord r : answered) {
            if (!isPoll(r)) {
                continue;
            }
            Key key = new Key(r.environment(), host(r.remoteAddress()), r.userAgent(), r.contextKind());
            Poller p = byKey.get(key);
            if (p == null) {
                p = new Poller(nextId--, r);
                byKey.put(key, p);
                added.add(p.row);
            }
            p.polls++;
            p.bytes += r.bytes();
            p.last = r.time();
            p.row.update(p.info(p.row.id(), p.sample, p.polls, p.bytes, p.last));
            latest = latest == null || r.time().isAfter(latest) ? r.time() : latest;
        }
        List<SdkRow> gone = new ArrayList<>();
        if (latest != null) {
            Instant cutoff = latest.minus(FORGET_AFTER);
            for (Iterator<Poller> it = byKey.values().iterator(); it.hasNext(); ) {
                Poller p = it.next();
                if (p.last.isBefore(cutoff)) {
                    gone.add(p.row);
                    it.remove();
                }
            }
        }
        return new Changes(added, gone);
    }

    /** A flag-data request an SDK answered: polling, PHP-style, evalx or goals; not events, not refusals. */
    static boolean isPoll(RequestRecord r) {
        String path = r.path() == null ? "" : r.path();
        return r.status() < 400 && r.environment() != null
                && ("GET".equals(r.method()) || "REPORT".equals(r.method()))
                && (path.startsWith("/sdk/") || path.startsWith("/msdk/"));
    }

    private static String host(String address) {
        if (address == null) {
            return "";
        }
        int colon = address.lastIndexOf(':');
        return colon > 0 ? address.substring(0, colon) : address;
    }
}
