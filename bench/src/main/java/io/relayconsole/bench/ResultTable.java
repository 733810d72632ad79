package io.relayconsole.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table every measure prints: one row per figure, the baseline's and the relay's raw values, their ratio
 * (relay / baseline, so below 1 is better for times and memory, above 1 better for throughput) and the goal.
 * Rows are printed as Markdown so they can be pasted into bench/README.md as they are.
 */
public final class ResultTable {
    private final String title;
    private final String baselineName;
    private final String relayName;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public ResultTable(String title, String baselineName) {
        this(title, baselineName, "Relay");
    }

    /** With the second column named {@code relayName} (e.g. the same relay in another configuration). */
    public ResultTable(String title, String baselineName, String relayName) {
        this.title = title;
        this.baselineName = baselineName;
        this.relayName = relayName;
    }

    /** A line printed under the title, before the table (e.g. the load when the measure started). */
    public void note(String line) {
        notes.add(line);
    }

    public void add(String figure, double baseline, double relay, String unit, String goal) {
        String ratio = Double.isNaN(baseline) || baseline == 0 ? "" : String.format(Locale.ROOT, "%.2f×", relay / baseline);
        rows.add(new String[] {figure, format(baseline, unit), format(relay, unit), ratio, goal});
    }

    /** A row with a ratio only (e.g. the median of per-round ratios, which is not the ratio of two columns). */
    public void addRatioOnly(String figure, String ratio, String goal) {
        rows.add(new String[] {figure, "—", "—", ratio, goal});
    }

    /** A row with the relay's figure only (no baseline for it). */
    public void addRelayOnly(String figure, double relay, String unit, String goal) {
        rows.add(new String[] {figure, "—", format(relay, unit), "", goal});
    }

    public void print() {
        System.out.println();
        System.out.println("### " + title);
        System.out.println("Run " + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores shared by load generator, relay and baseline; load average at the end: " + loadAverage());
        System.out.println("JVM options of relay and baseline (" + ChildProcess.jvmOptionsOrigin() + "): `"
                + ChildProcess.jvmOptions() + "`" + relayOnlyOptions());
        notes.forEach(System.out::println);
        System.out.println();
        System.out.println("| Figure | " + baselineName + " | " + relayName + " | Ratio | Goal |");
        System.out.println("| --- | ---: | ---: | ---: | --- |");
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
        System.out.println();
    }

    private static String relayOnlyOptions() {
        String extra = System.getenv().getOrDefault("BENCH_RELAY_JAVA_OPTS", "").trim();
        return extra.isEmpty() ? "" : "; relay only: `" + extra + "`";
    }

    /** Other work on the machine skews every figure: the table says how busy it was. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        String number = value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    public static double mib(long bytes) {
        return bytes < 0 ? Double.NaN : bytes / (1024.0 * 1024.0);
    }
}
