package io.relayconsole.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.relayconsole.config.RawSettings.RawSection;
import io.relayconsole.config.RawSettings.RawValue;
import io.relayconsole.config.RawSettings.SectionRef;

/**
 * Every raw setting converted to its type, once, with a located problem for each value that does not convert.
 * Unset, empty and unconvertible settings all read as absent, so later rules see only good values and one
 * bad value yields one problem.
 */
final class TypedSettings {
    private final RawSettings raw;
    private final Map<SectionRef, Map<ConfigKey, Object>> values = new HashMap<>();

    private TypedSettings(RawSettings raw) {
        this.raw = raw;
    }

    static TypedSettings convert(RawSettings raw, List<ConfigProblem> problems) {
        TypedSettings typed = new TypedSettings(raw);
        for (RawSection section : raw.all()) {
            for (RawValue value : section.values.values()) {
                typed.convertOne(section.ref, value, problems);
            }
        }
        return typed;
    }

    private void convertOne(SectionRef ref, RawValue value, List<ConfigProblem> problems) {
        ValueType type = value.key().type();
        try {
            Object converted;
            if (type.isList()) {
                List<String> items = new ArrayList<>();
                for (String item : value.items()) {
                    if (!item.isBlank()) {
                        items.addAll(castList(type.convert(item)));
                    }
                }
                converted = List.copyOf(items);
            } else {
                String text = value.items().get(value.items().size() - 1);
                if (text.isEmpty()) {
                    return; // empty means unset, as in ld-relay
                }
                converted = type.convert(text);
            }
            values.computeIfAbsent(ref, r -> new HashMap<>()).put(value.key(), converted);
        } catch (IllegalArgumentException e) {
            problems.add(value.origin().problem(ref.label(value.key()), e.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object list) {
        return (List<String>) list;
    }

    boolean isSet(SectionRef ref, String key) {
        return get(ref, key) != null;
    }

    Object get(SectionRef ref, String key) {
        Map<ConfigKey, Object> section = values.get(ref);
        return section == null ? null : section.get(ref.section().requireKey(key));
    }

    @SuppressWarnings("unchecked")
    <T> T get(SectionRef ref, String key, T defaultValue) {
        Object value = get(ref, key);
        return value == null ? defaultValue : (T) value;
    }

    String string(SectionRef ref, String key) {
        return (String) get(ref, key);
    }

    boolean bool(SectionRef ref, String key) {
        return get(ref, key, Boolean.FALSE);
    }

    List<String> list(SectionRef ref, String key) {
        return get(ref, key, List.of());
    }

    /** Where the setting came from, falling back to its section's header when the key itself is unset. */
    SettingOrigin origin(SectionRef ref, String key) {
        RawValue value = raw.value(ref, key);
        if (value != null) {
            return value.origin();
        }
        RawSection section = raw.section(ref);
        return section == null ? null : section.origin;
    }

    ConfigProblem problem(SectionRef ref, String key, String message) {
        return problem(ref, key, key, message);
    }

    /**
     * A problem about {@code key} placed where {@code requiredBy} was set: a key that is missing has no line of
     * its own, but the setting that made it necessary has.
     */
    ConfigProblem problem(SectionRef ref, String key, String requiredBy, String message) {
        SettingOrigin origin = isSet(ref, key) ? origin(ref, key) : origin(ref, requiredBy);
        String label = ref.label(ref.section().requireKey(key));
        return origin == null ? new ConfigProblem("configuration", 0, label, message)
                : origin.problem(label, message);
    }

    ConfigNotice warning(SectionRef ref, String key, String message) {
        return new ConfigNotice(ConfigNotice.Level.WARN, problem(ref, key, message));
    }

    List<RawSection> sectionsOf(ConfigSection kind) {
        return raw.sectionsOf(kind);
    }
}
