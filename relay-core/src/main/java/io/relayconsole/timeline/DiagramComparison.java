package io.relayconsole.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * An observed diagram against the expected one, on normalized steps ({@link NormalizedSteps}; the step numbers
 * in the differences count those, as {@link #expectedSteps()} and {@link #observedSteps()} list them): either it
 * matches, or the differences say which steps are missing, extra, or out of order. What the normalization let
 * pass (a longer run of retries, a failure drawn as a cross, a TTL in a label, a shortened wait) is not hidden:
 * each such step is named in {@link #tolerated()}, in the same "observed step N" terms.
 */
public record DiagramComparison(List<String> expectedSteps, List<String> observedSteps, List<String> differences,
                                List<String> tolerated) {

    public DiagramComparison {
        expectedSteps = List.copyOf(expectedSteps);
        observedSteps = List.copyOf(observedSteps);
        differences = List.copyOf(differences);
        tolerated = List.copyOf(tolerated);
    }

    public DiagramComparison(List<String> expectedSteps, List<String> observedSteps, List<String> differences) {
        this(expectedSteps, observedSteps, differences, List.of());
    }

    public static DiagramComparison compare(SequenceDiagram expected, SequenceDiagram observed) {
        List<String> want = NormalizedSteps.of(expected.steps());
        List<String> got = NormalizedSteps.of(observed.steps());
        int[][] matched = longestCommonSubsequence(want, got);
        List<Integer> missing = new ArrayList<>();
        List<Integer> extra = new ArrayList<>();
        for (int i = 0; i < want.size(); i++) {
            if (matched[0][i] < 0) {
                missing.add(i);
            }
        }
        for (int j = 0; j < got.size(); j++) {
            if (matched[1][j] < 0) {
                extra.add(j);
            }
        }
        List<String> differences = new ArrayList<>();
        for (Integer i : missing) {
            Integer moved = extra.stream().filter(j -> got.get(j).equals(want.get(i))).findFirst().orElse(null);
            if (moved != null) {
                extra.remove(moved);
                differences.add("out of order: expected step " + (i + 1) + ", observed as step " + (moved + 1)
                        + ": " + want.get(i));
            } else {
                differences.add("missing: expected step " + (i + 1) + ": " + want.get(i));
            }
        }
        for (Integer j : extra) {
            differences.add("extra: observed step " + (j + 1) + ": " + got.get(j));
        }
        return new DiagramComparison(want, got, differences,
                ToleratedDifferences.between(expected.steps(), observed.steps(), matched));
    }

    /**
     * For each of the diagram's steps, the (0-based) normalized step it belongs to, so a difference's step
     * number can be marked on the drawn steps (a run of upstream retries shares one number).
     */
    public static List<Integer> normalizedPositions(SequenceDiagram diagram) {
        return NormalizedSteps.positions(diagram.steps());
    }

    public boolean matches() {
        return differences.isEmpty();
    }

    /** "matches", "matches, with 2 tolerated differences:" and one a line, or one difference a line. */
    public String verdict() {
        return verdict("");
    }

    /** As {@link #verdict()}, with {@code where} (" on Redis") after its first word. */
    public String verdict(String where) {
        if (!matches()) {
            return "differs" + where + ":\n  " + String.join("\n  ", differences);
        }
        return tolerated.isEmpty() ? "matches" + where : "matches" + where + ", with " + tolerated.size()
                + " tolerated difference" + (tolerated.size() == 1 ? "" : "s") + ":\n  "
                + String.join("\n  ", tolerated);
    }

    /** [0][i]: the got index want[i] pairs with, or -1; [1][j]: the want index got[j] pairs with, or -1. */
    private static int[][] longestCommonSubsequence(List<String> want, List<String> got) {
        int n = want.size();
        int m = got.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = want.get(i).equals(got.get(j)) ? len[i + 1][j + 1] + 1
                        : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        int[] inWant = new int[n];
        int[] inGot = new int[m];
        java.util.Arrays.fill(inWant, -1);
        java.util.Arrays.fill(inGot, -1);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (want.get(i).equals(got.get(j))) {
                inWant[i] = j;
                inGot[j] = i;
                i++;
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return new int[][] {inWant, inGot};
    }
}
