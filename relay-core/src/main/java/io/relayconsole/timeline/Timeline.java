package io.relayconsole.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An immutable snapshot of one environment's recorded steps, oldest first, and the SDKs named in them. */
public record Timeline(String environment, List<TimelineStep> steps, List<SdkClient> sdkClients) {

    public Timeline {
        steps = List.copyOf(steps);
        sdkClients = List.copyOf(sdkClients);
    }

    /** The sequence of the newest step, or 0 when empty. */
    public long lastSequence() {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).sequence();
    }

    /** The steps with {@code first <= sequence <= last}. */
    public Timeline between(long first, long last) {
        return new Timeline(environment,
                steps.stream().filter(s -> s.sequence() >= first && s.sequence() <= last).toList(), sdkClients);
    }

    /** The diagram of every step, declaring the participants that appear, in the document's order. */
    public SequenceDiagram diagram() {
        Set<String> appearing = new LinkedHashSet<>();
        for (TimelineStep s : steps) {
            appearing.add(s.from());
            if (s.to() != null) {
                appearing.add(s.to());
            }
        }
        List<String> participants = new ArrayList<>(appearing);
        participants.sort(Comparator.comparingInt(Timeline::sdkNumber));
        return new SequenceDiagram(Participants.inDeclarationOrder(participants), steps);
    }

    public String toMermaid() {
        return diagram().toMermaid();
    }

    private static int sdkNumber(String participant) {
        return Participants.isSdk(participant)
                ? Integer.parseInt(participant.substring(Participants.SDK_PREFIX.length())) : Integer.MAX_VALUE;
    }
}
