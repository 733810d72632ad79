package io.relayconsole.timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sequence diagram in the persistent-storage document's style: declared participants and steps. Written as
 * Mermaid ({@link #toMermaid()}) and read back from Mermaid ({@link #parse}), so expected and observed diagrams
 * are the same kind of thing.
 */
public record SequenceDiagram(List<String> participants, List<TimelineStep> steps) {
    private static final Pattern PARTICIPANT = Pattern.compile("(?i)(?:participant|actor)\\s+(.+?)(?:\\s+as\\s+(.+))?");
    private static final Pattern NOTE = Pattern.compile("(?i)note\\s+(?:over|left of|right of)\\s+([^:,]+)(?:,[^:]*)?:(.*)");
    private static final Pattern MESSAGE = Pattern.compile("(.+?)(-->>|->>|--x|-x|-->|->)([^:]+):(.*)");

    public SequenceDiagram {
        participants = List.copyOf(participants);
        steps = List.copyOf(steps);
    }

    /** Only the steps among {@code keep} (ends and cause); the participants declared are {@code keep}. */
    public SequenceDiagram restrictedTo(Collection<String> keep) {
        List<TimelineStep> kept = steps.stream().filter(s -> s.onlyInvolves(keep)).toList();
        return new SequenceDiagram(new ArrayList<>(keep), kept);
    }

    /** {@code sequenceDiagram} text: participants in order (the upstream as {@code LD as LaunchDarkly}), a blank line, the steps. */
    public String toMermaid() {
        StringBuilder sb = new StringBuilder("sequenceDiagram\n");
        for (String p : participants) {
            sb.append("participant ").append(p);
            if (p.equals(Participants.UPSTREAM)) {
                sb.append(" as ").append(Participants.UPSTREAM_LABEL);
            }
            sb.append('\n');
        }
        sb.append('\n');
        for (TimelineStep s : steps) {
            if (s.isNote()) {
                sb.append("note over ").append(s.from());
            } else {
                sb.append(s.from()).append(s.arrow().mermaid()).append(s.to());
            }
            sb.append(": ").append(MermaidText.escape(s.text())).append('\n');
        }
        return sb.toString();
    }

    /**
     * Reads the subset of Mermaid the document uses: participants (with {@code as} aliases), notes and messages
     * with {@code ->>}, {@code -->>}, {@code -x} (and their plain and dotted variants).
     *
     * @throws IllegalArgumentException naming the line that is not understood
     */
    public static SequenceDiagram parse(String mermaid) {
        Map<String, String> declared = new LinkedHashMap<>();
        List<TimelineStep> steps = new ArrayList<>();
        String[] lines = mermaid.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("%%") || line.equalsIgnoreCase("sequenceDiagram")) {
                continue;
            }
            Matcher m;
            if ((m = PARTICIPANT.matcher(line)).matches()) {
                declared.put(m.group(1).strip(), m.group(2) == null ? m.group(1).strip() : m.group(2).strip());
            } else if ((m = NOTE.matcher(line)).matches()) {
                steps.add(step(steps.size(), TimelineStep.Arrow.NOTE, m.group(1), null, m.group(2)));
            } else if ((m = MESSAGE.matcher(line)).matches()) {
                steps.add(step(steps.size(), arrow(m.group(2)), m.group(1), m.group(3), m.group(4)));
            } else {
                throw new IllegalArgumentException("line " + (i + 1) + " is not a participant, note or message: "
                        + line);
            }
        }
        return new SequenceDiagram(new ArrayList<>(declared.keySet()), steps);
    }

    private static TimelineStep step(int index, TimelineStep.Arrow arrow, String from, String to, String text) {
        return new TimelineStep(index, null, null, arrow, from.strip(), to == null ? null : to.strip(),
                MermaidText.unescape(text.strip()), null, null);
    }

    private static TimelineStep.Arrow arrow(String mermaid) {
        return switch (mermaid) {
            case "-->>", "-->" -> TimelineStep.Arrow.RESPONSE;
            case "-x", "--x" -> TimelineStep.Arrow.FAILURE;
            default -> TimelineStep.Arrow.REQUEST;
        };
    }
}
