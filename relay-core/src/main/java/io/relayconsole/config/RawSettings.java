package io.relayconsole.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings as text, after the file has been matched against the known sections and keys and environment
 * variables have been laid over it, but before any value is converted. Keeping the origin of every value lets
 * one conversion step serve both sources and report problems at the right place.
 */
final class RawSettings {

    /** A section instance: {@code name} is the subsection ({@code [Environment "name"]}) or null. */
    record SectionRef(ConfigSection section, String name) {
        SectionRef {
            Objects.requireNonNull(section);
        }

        static SectionRef of(ConfigSection section) {
            return new SectionRef(section, null);
        }

        String label() {
            return section.label(name);
        }

        String label(ConfigKey key) {
            return label() + " " + key.name();
        }
    }

    /** The text of one setting; several items for a list. {@code bare} marks a file key written without "=". */
    record RawValue(ConfigKey key, List<String> items, SettingOrigin origin, boolean bare) {
        RawValue {
            items = List.copyOf(items);
        }
    }

    static final class RawSection {
        final SectionRef ref;
        final SettingOrigin origin;
        final Map<ConfigKey, RawValue> values = new LinkedHashMap<>();

        RawSection(SectionRef ref, SettingOrigin origin) {
            this.ref = ref;
            this.origin = origin;
        }
    }

    private final Map<SectionRef, RawSection> sections = new LinkedHashMap<>();

    RawSection section(SectionRef ref) {
        return sections.get(ref);
    }

    /** The section, created at {@code origin} if it does not exist yet (a repeated header merges into it). */
    RawSection sectionOrCreate(SectionRef ref, SettingOrigin origin) {
        return sections.computeIfAbsent(ref, r -> new RawSection(r, origin));
    }

    List<RawSection> sectionsOf(ConfigSection kind) {
        List<RawSection> result = new ArrayList<>();
        for (RawSection s : sections.values()) {
            if (s.ref.section() == kind) {
                result.add(s);
            }
        }
        return result;
    }

    List<RawSection> all() {
        return List.copyOf(sections.values());
    }

    RawValue value(SectionRef ref, String keyName) {
        RawSection s = sections.get(ref);
        return s == null ? null : s.values.get(ref.section().requireKey(keyName));
    }

    /** True when the setting has non-empty text (empty text means "not set", as in ld-relay). */
    boolean isSet(SectionRef ref, String keyName) {
        RawValue v = value(ref, keyName);
        return v != null && v.items().stream().anyMatch(item -> !item.isEmpty());
    }

    /** Sets a value, replacing any earlier one (a later file line or an environment variable wins). */
    void put(SectionRef ref, ConfigKey key, List<String> items, SettingOrigin origin, boolean bare) {
        sectionOrCreate(ref, origin).values.put(key, new RawValue(key, items, origin, bare));
    }

    /** Adds items to a list setting (a repeated file key). */
    void append(SectionRef ref, ConfigKey key, String item, SettingOrigin origin) {
        RawSection s = sectionOrCreate(ref, origin);
        RawValue existing = s.values.get(key);
        List<String> items = new ArrayList<>(existing == null ? List.of() : existing.items());
        items.add(item);
        s.values.put(key, new RawValue(key, items, existing == null ? origin : existing.origin(), false));
    }
}
