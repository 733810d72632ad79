package io.relayconsole.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/** The counts the console shows of a payload: events per kind and evaluations; never what the events say. */
record PayloadSummary(int events, Map<String, Integer> eventKinds, long evaluations) {

    static PayloadSummary ofEvents(JsonNode array) {
        Map<String, Integer> kinds = new TreeMap<>();
        long evaluations = 0;
        for (JsonNode event : array) {
            String kind = event.path("kind").asText("(no kind)");
            kinds.merge(kind, 1, Integer::sum);
            if (kind.equals("summary")) {
                for (JsonNode flag : event.path("features")) {
                    for (JsonNode counter : flag.path("counters")) {
                        evaluations += counter.path("count").asLong();
                    }
                }
            }
        }
        return new PayloadSummary(array.size(), kinds, evaluations);
    }

    static PayloadSummary ofDiagnostic(JsonNode object) {
        return new PayloadSummary(1, Map.of(object.path("kind").asText("diagnostic"), 1), 0);
    }

    static PayloadSummary none() {
        return new PayloadSummary(0, Map.of(), 0);
    }
}
