package io.relayconsole.app.preferences;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.relayconsole.model.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console remembers between runs, in {@link java.util.prefs}: window geometry, theme, the last
 * configuration file, the last workspace, and store connection profiles. Screens reach it through {@code ConsoleContext.preferences()}.
 * Unreadable values fall back to defaults instead of failing the start.
 */
public final class ConsolePreferences {
    private static final Logger LOG = LoggerFactory.getLogger(ConsolePreferences.class);
    private static final String USER_NODE = "/io/relayconsole/console";
    private static final String PROFILES = "connection-profiles";

    private final Preferences node;

    public ConsolePreferences(Preferences node) {
        this.node = node;
    }

    public static ConsolePreferences forUser() {
        return new ConsolePreferences(Preferences.userRoot().node(USER_NODE));
    }

    public WindowGeometry windowGeometry() {
        WindowGeometry g = new WindowGeometry(node.getDouble("window.x", Double.NaN),
                node.getDouble("window.y", Double.NaN), node.getDouble("window.width", 1280),
                node.getDouble("window.height", 800), node.getBoolean("window.maximized", false));
        return g.usable() ? g : WindowGeometry.DEFAULT;
    }

    public void saveWindowGeometry(WindowGeometry g) {
        node.putDouble("window.x", g.x());
        node.putDouble("window.y", g.y());
        node.putDouble("window.width", g.width());
        node.putDouble("window.height", g.height());
        node.putBoolean("window.maximized", g.maximized());
        flush();
    }

    public Theme theme() {
        return Theme.parse(node.get("theme", null), Theme.LIGHT);
    }

    public void saveTheme(Theme theme) {
        node.put("theme", theme.name());
        flush();
    }

    /** The configuration file of the last run; empty when it used the development default. */
    public Optional<Path> lastConfiguration() {
        String path = node.get("config.file", "");
        return path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path));
    }

    public void saveLastConfiguration(Optional<Path> file) {
        node.put("config.file", file.map(p -> p.toAbsolutePath().toString()).orElse(""));
        flush();
    }

    /** The built-in upstream's workspace (folder or file) the console opened last; empty when none. */
    public Optional<Path> lastWorkspace() {
        String path = node.get("workspace", "");
        return path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path));
    }

    public void saveLastWorkspace(Path workspace) {
        node.put("workspace", workspace.toAbsolutePath().toString());
        flush();
    }

    /** Saved connection profiles, by name. */
    public List<ConnectionProfile> connectionProfiles() {
        Preferences profiles = node.node(PROFILES);
        List<ConnectionProfile> list = new ArrayList<>();
        try {
            for (String key : profiles.keys()) {
                readProfile(profiles.get(key, null)).ifPresent(list::add);
            }
        } catch (BackingStoreException e) {
            LOG.warn("Could not read the saved connection profiles: {}", e.getMessage());
        }
        list.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return list;
    }

    /** Saves (or replaces) a profile; its secret is stored only if the user ticked "remember". */
    public void saveConnectionProfile(ConnectionProfile profile) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", profile.name());
        fields.put("backend", profile.backend());
        fields.put("settings", profile.settings());
        fields.put("rememberSecret", profile.rememberSecret());
        if (profile.rememberSecret() && profile.secret() != null) {
            fields.put("secret", profile.secret());
        }
        try {
            node.node(PROFILES).put(profile.name(), Json.mapper().writeValueAsString(fields));
            flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not save the connection profile " + profile.name(), e);
        }
    }

    public void removeConnectionProfile(String name) {
        node.node(PROFILES).remove(name);
        flush();
    }

    private static Optional<ConnectionProfile> readProfile(String json) {
        try {
            Map<String, Object> f = Json.mapper().readValue(json, new TypeReference<Map<String, Object>>() { });
            @SuppressWarnings("unchecked")
            Map<String, String> settings = (Map<String, String>) f.getOrDefault("settings", Map.of());
            boolean remember = Boolean.TRUE.equals(f.get("rememberSecret"));
            return Optional.of(new ConnectionProfile((String) f.get("name"), (String) f.get("backend"), settings,
                    (String) f.get("secret"), remember));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Skipping an unreadable saved connection profile: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not save preferences: {}", e.getMessage());
        }
    }
}
