package io.relayconsole.app.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/** The editor's unsaved changes against the saved flag, one top-level field per pair of lines, like a unified diff. */
final class FlagDiff {
    private FlagDiff() {
    }

    static String of(ObjectNode saved, ObjectNode edited) {
        Set<String> fields = new LinkedHashSet<>();
        saved.fieldNames().forEachRemaining(fields::add);
        edited.fieldNames().forEachRemaining(fields::add);
        StringBuilder sb = new StringBuilder();
        for (String field : fields) {
            JsonNode before = saved.get(field);
            JsonNode after = edited.get(field);
            if (before == null ? after != null : !before.equals(after)) {
                if (before != null) {
                    sb.append("- ").append(field).append(": ").append(before).append('\n');
                }
                if (after != null) {
                    sb.append("+ ").append(field).append(": ").append(after).append('\n');
                }
            }
        }
        return sb.toString().stripTrailing();
    }
}
