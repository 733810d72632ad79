package io.relayconsole.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Steps reduced to what a diagram means, so a recorded run compares with the document's drawing:
 * <ul>
 *   <li>numbers become {@code n} (the demo waits 3 s where the document says 30);</li>
 *   <li>a failure is a failure whether drawn {@code -x} or as {@code ->> ... - FAILED} (the document does both);</li>
 *   <li>TTL decorations ("with TTL 30 seconds", "reset TTL") are dropped: the document uses them on some
 *       writes and reads and not on others that are the same;</li>
 *   <li>a run of the relay's upstream retries (failed requests, "Backoff and retry") is one step: how many
 *       attempts fit in an outage depends on the backoff's jitter, not on the behaviour shown;</li>
 *   <li>so is a run of the big-segment synchronizer's failed attempts, for the same reason.</li>
 * </ul>
 */
final class NormalizedSteps {
    static final String UPSTREAM_RETRYING = Participants.RELAY + " retries " + Participants.UPSTREAM
            + " (failed requests, backoff)";
    /** "Big segment synchronization failed" as {@link #text} leaves it (the failure is kept apart). */
    static final String BIG_SEGMENT_SYNC_FAILED = "big segment synchronization";
    private static final Pattern FAILED_SUFFIX = Pattern.compile("\\s*[-\u2013]?\\s*failed$");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern TTL_DECORATION = Pattern.compile(",?\\s*(?:with ttl n seconds?|reset ttl)");

    private NormalizedSteps() {
    }

    /** One string per step (retry runs folded), in order. */
    static List<String> of(List<TimelineStep> steps) {
        return normalize(steps, new ArrayList<>());
    }

    /** For each step, the index in {@link #of} of the normalized step it became. */
    static List<Integer> positions(List<TimelineStep> steps) {
        List<Integer> positions = new ArrayList<>(steps.size());
        normalize(steps, positions);
        return List.copyOf(positions);
    }

    private static List<String> normalize(List<TimelineStep> steps, List<Integer> positions) {
        List<String> normalized = new ArrayList<>(steps.size());
        boolean inRetryRun = false;
        for (TimelineStep step : steps) {
            String text = text(step.text());
            boolean failure = step.arrow() == TimelineStep.Arrow.FAILURE
                    || FAILED_SUFFIX.matcher(step.text().toLowerCase(Locale.ROOT)).find();
            if (isUpstreamRetry(step, text, failure)) {
                if (!inRetryRun) {
                    normalized.add(UPSTREAM_RETRYING);
                }
                positions.add(normalized.size() - 1);
                inRetryRun = true;
                continue;
            }
            inRetryRun = false;
            String described = describe(step, text, failure);
            if (failure && text.equals(BIG_SEGMENT_SYNC_FAILED) && !normalized.isEmpty()
                    && normalized.get(normalized.size() - 1).equals(described)) {
                positions.add(normalized.size() - 1);
                continue;
            }
            positions.add(normalized.size());
            normalized.add(described);
        }
        return normalized;
    }

    private static boolean isUpstreamRetry(TimelineStep step, String text, boolean failure) {
        if (step.isNote()) {
            return step.from().equals(Participants.RELAY) && text.equals("backoff and retry");
        }
        return failure && step.from().equals(Participants.RELAY) && Participants.UPSTREAM.equals(step.to());
    }

    private static String describe(TimelineStep step, String text, boolean failure) {
        if (step.isNote()) {
            return "note over " + step.from() + ": " + text;
        }
        String arrow = failure ? " -x " : step.arrow() == TimelineStep.Arrow.RESPONSE ? " --> " : " -> ";
        return step.from() + arrow + step.to() + ": " + text + (failure ? " (failed)" : "");
    }

    static String text(String raw) {
        String t = raw.strip().toLowerCase(Locale.ROOT);
        t = FAILED_SUFFIX.matcher(t).replaceFirst("");
        t = NUMBER.matcher(t).replaceAll("n");
        t = TTL_DECORATION.matcher(t).replaceAll("");
        return t.replaceAll("\\s+", " ").replaceAll("[\\s.,;:]+$", "").strip();
    }
}
