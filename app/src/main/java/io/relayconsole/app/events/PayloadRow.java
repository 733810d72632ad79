package io.relayconsole.app.events;

import io.relayconsole.events.RecentPayload;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One payload in the Events screen's lists, in words: what an SDK sent (or the built-in upstream received),
 * counted, never its contents.
 *
 * @param kinds   events per kind, e.g. "index 1, summary 1"
 * @param outcome what became of it, e.g. "queued", "refused: malformed JSON at line 1, column 2"
 */
public record PayloadRow(Instant time, String kind, String sdk, int events, String kinds, long evaluations,
                         int bytes, String outcome) {

    static PayloadRow of(RecentPayload p) {
        String sdk = p.sdk() == null ? "unknown SDK" : p.sdk();
        if (p.wrapper() != null) {
            sdk += " (" + p.wrapper() + ")";
        }
        String outcome = p.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (p.detail() != null) {
            outcome += ": " + p.detail();
        }
        return new PayloadRow(p.time(), p.kind().label() + ", schema " + p.schema(), sdk, p.events(),
                kinds(p.eventKinds()), p.evaluations(), p.bytes(), outcome);
    }

    static String kinds(Map<String, Integer> eventKinds) {
        return eventKinds.isEmpty() ? "\u2014" : new TreeMap<>(eventKinds).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
