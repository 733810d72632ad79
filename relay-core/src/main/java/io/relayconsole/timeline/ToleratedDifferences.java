package io.relayconsole.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link NormalizedSteps} let pass between two steps that compare equal: named, so a verdict says what it
 * tolerated instead of hiding it. One entry per observed step that is drawn differently from the document's
 * ("observed step N: ..."; N counts normalized steps, as the differences do).
 */
final class ToleratedDifferences {
    private ToleratedDifferences() {
    }

    /** @param pairs [0][i]: the normalized observed step that expected step i matched, or -1 */
    static List<String> between(List<TimelineStep> expected, List<TimelineStep> observed, int[][] pairs) {
        List<List<TimelineStep>> want = grouped(expected);
        List<List<TimelineStep>> got = grouped(observed);
        List<String> tolerated = new ArrayList<>();
        for (int i = 0; i < pairs[0].length; i++) {
            int j = pairs[0][i];
            if (j < 0) {
                continue;
            }
            String why = want.get(i).size() == 1 && got.get(j).size() == 1
                    ? step(want.get(i).get(0), got.get(j).get(0)) : retries(want.get(i), got.get(j));
            if (why != null) {
                tolerated.add("observed step " + (j + 1) + ": " + why);
            }
        }
        return tolerated;
    }

    /** The drawn steps of each normalized step (a run of upstream retries is one). */
    private static List<List<TimelineStep>> grouped(List<TimelineStep> steps) {
        List<Integer> positions = NormalizedSteps.positions(steps);
        List<List<TimelineStep>> groups = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            if (positions.get(k) == groups.size()) {
                groups.add(new ArrayList<>());
            }
            groups.get(positions.get(k)).add(steps.get(k));
        }
        return groups;
    }

    private static String step(TimelineStep want, TimelineStep got) {
        List<String> why = new ArrayList<>();
        if (want.arrow() != got.arrow()) {
            why.add(arrowWord(got) + " where the document draws " + arrowWord(want));
        }
        String wantText = want.text().strip();
        String gotText = got.text().strip();
        if (!wantText.equalsIgnoreCase(gotText)) {
            why.add("\u201c" + gotText + "\u201d where the document says \u201c" + wantText + "\u201d"
                    + (withoutNumbers(wantText).equalsIgnoreCase(withoutNumbers(gotText)) ? " (a shortened wait)" : ""));
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    private static String retries(List<TimelineStep> want, List<TimelineStep> got) {
        if (NormalizedSteps.text(got.get(0).text()).equals(NormalizedSteps.BIG_SEGMENT_SYNC_FAILED)) {
            return want.size() == got.size() ? null : "repeated big segment synchronization failures: " + got.size()
                    + " where the document draws " + want.size();
        }
        long wantFailed = want.stream().filter(s -> !s.isNote()).count();
        long gotFailed = got.stream().filter(s -> !s.isNote()).count();
        long wantBackoffs = want.size() - wantFailed;
        long gotBackoffs = got.size() - gotFailed;
        List<String> why = new ArrayList<>();
        if (wantFailed != gotFailed || wantBackoffs != gotBackoffs) {
            why.add("repeated retries: " + gotFailed + " failed request(s) and " + gotBackoffs
                    + " \u201cBackoff and retry\u201d where the document draws " + wantFailed + " and " + wantBackoffs);
        }
        TimelineStep wantRequest = want.stream().filter(s -> !s.isNote()).findFirst().orElse(null);
        TimelineStep gotRequest = got.stream().filter(s -> !s.isNote()).findFirst().orElse(null);
        if (wantRequest != null && gotRequest != null && wantRequest.arrow() != gotRequest.arrow()) {
            why.add("failed requests " + arrowWord(gotRequest) + " where the document draws " + arrowWord(wantRequest));
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    private static String arrowWord(TimelineStep s) {
        return switch (s.arrow()) {
            case FAILURE -> "a cross (-x)";
            case RESPONSE -> "a dotted arrow (-->>)";
            case REQUEST -> s.text().toUpperCase(java.util.Locale.ROOT).endsWith("FAILED")
                    ? "a plain arrow labelled FAILED" : "a plain arrow (->>)";
            case NOTE -> "a note";
        };
    }

    /** Equal for two texts when only a duration differs. */
    private static String withoutNumbers(String text) {
        return text.replaceAll("\\d+(?:\\.\\d+)?", "n");
    }
}
