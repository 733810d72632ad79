package io.relayconsole.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Matches a parsed file against the known sections and keys (case-insensitively) and records each value with
 * its line. Unknown sections and keys are errors, as in ld-relay: a misspelled key must not be silently ignored.
 */
final class FileSettings {
    private FileSettings() {
    }

    static void read(GcfgDocument document, RawSettings into, List<ConfigProblem> problems) {
        problems.addAll(document.syntaxProblems());
        String file = document.fileName();
        for (GcfgDocument.Section section : document.sections()) {
            Optional<ConfigSection> kind = ConfigSection.byName(section.name());
            String writtenLabel = section.subsection() == null ? "[" + section.name() + "]"
                    : "[" + section.name() + " \"" + section.subsection() + "\"]";
            if (kind.isEmpty()) {
                problems.add(new ConfigProblem(file, section.line(), writtenLabel,
                        "unsupported or misspelled section" + suggestSection(section.name())));
                continue;
            }
            ConfigSection known = kind.get();
            if (known.named && (section.subsection() == null || section.subsection().isBlank())) {
                problems.add(new ConfigProblem(file, section.line(), writtenLabel, "the section needs a name, e.g. "
                        + known.label(known == ConfigSection.ENVIRONMENT ? "production" : "my-project")));
                continue;
            }
            if (!known.named && section.subsection() != null) {
                problems.add(new ConfigProblem(file, section.line(), writtenLabel,
                        "this section takes no name; write " + known.label(null)));
                continue;
            }
            RawSettings.SectionRef ref = new RawSettings.SectionRef(known, section.subsection());
            into.sectionOrCreate(ref, SettingOrigin.file(file, section.line()));
            for (GcfgDocument.Entry entry : section.entries()) {
                readEntry(file, ref, entry, into, problems);
            }
        }
    }

    private static void readEntry(String file, RawSettings.SectionRef ref, GcfgDocument.Entry entry,
                                  RawSettings into, List<ConfigProblem> problems) {
        SettingOrigin origin = SettingOrigin.file(file, entry.line());
        Optional<ConfigKey> key = ref.section().key(entry.key());
        if (key.isEmpty()) {
            problems.add(origin.problem(ref.label() + " " + entry.key(),
                    "unsupported or misspelled setting" + suggestKey(ref.section(), entry.key())));
            return;
        }
        ConfigKey known = key.get();
        if (entry.value() == null && known.type() != ValueType.BOOL) {
            problems.add(origin.problem(ref.label(known), "needs a value (" + known.name() + " = ...)"));
            return;
        }
        String text = entry.value() == null ? "true" : entry.value();
        if (known.type().isList()) {
            into.append(ref, known, text, origin);
        } else {
            into.put(ref, known, List.of(text), origin, entry.value() == null);
        }
    }

    private static String suggestSection(String written) {
        return Arrays.stream(ConfigSection.values())
                .filter(s -> isNear(written, s.displayName))
                .map(s -> " (did you mean " + s.label(s.named ? "..." : null) + "?)")
                .findFirst().orElse("; known sections: " + Arrays.stream(ConfigSection.values())
                        .map(s -> s.displayName).collect(Collectors.joining(", ")));
    }

    private static String suggestKey(ConfigSection section, String written) {
        List<String> near = new ArrayList<>();
        for (ConfigKey key : section.keys()) {
            if (isNear(written, key.name())) {
                near.add(key.name());
            }
        }
        return near.isEmpty() ? "" : " (did you mean " + near.get(0) + "?)";
    }

    /** Close enough to be a typo: at most two edits apart, ignoring case, dashes and underscores. */
    private static boolean isNear(String written, String known) {
        String a = written.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        String b = known.toLowerCase(Locale.ROOT);
        return a.equals(b) || editDistance(a, b) <= 2;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
