package io.relayconsole.app.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsolePreferencesTest {
    private final Preferences node = Preferences.userRoot().node("/io/relayconsole/test-" + UUID.randomUUID());
    private final ConsolePreferences prefs = new ConsolePreferences(node);

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void geometryThemeAndLastConfigurationSurviveARestart() {
        prefs.saveWindowGeometry(new WindowGeometry(10, 20, 1000, 700, true));
        prefs.saveTheme(Theme.DARK);
        prefs.saveLastConfiguration(Optional.of(Path.of("/etc/ld-relay.conf")));
        ConsolePreferences next = new ConsolePreferences(node);
        assertThat(next.windowGeometry()).isEqualTo(new WindowGeometry(10, 20, 1000, 700, true));
        assertThat(next.theme()).isEqualTo(Theme.DARK);
        assertThat(next.lastConfiguration()).contains(Path.of("/etc/ld-relay.conf"));
        next.saveLastConfiguration(Optional.empty());
        assertThat(prefs.lastConfiguration()).isEmpty();
    }

    @Test
    void aTinySavedWindowFallsBackToTheDefault() {
        prefs.saveWindowGeometry(new WindowGeometry(0, 0, 10, 10, false));
        assertThat(prefs.windowGeometry()).isEqualTo(WindowGeometry.DEFAULT);
    }

    @Test
    void secretsAreStoredOnlyWhenTheUserAsks() {
        prefs.saveConnectionProfile(new ConnectionProfile("local redis", "redis",
                Map.of("url", "redis://127.0.0.1:6379"), "hunter2", false));
        prefs.saveConnectionProfile(new ConnectionProfile("shared", "redis", Map.of(), "s3cret", true));
        assertThat(prefs.connectionProfiles()).extracting(ConnectionProfile::name).containsExactly("local redis", "shared");
        ConnectionProfile forgotten = prefs.connectionProfiles().get(0);
        assertThat(forgotten.secret()).isNull();
        assertThat(forgotten.settings()).containsEntry("url", "redis://127.0.0.1:6379");
        ConnectionProfile remembered = prefs.connectionProfiles().get(1);
        assertThat(remembered.secret()).isEqualTo("s3cret");
        assertThat(remembered.maskedSecret()).isEqualTo("********");
        assertThat(node.node("connection-profiles").get("local redis", "")).doesNotContain("hunter2");
        prefs.removeConnectionProfile("shared");
        assertThat(prefs.connectionProfiles()).hasSize(1);
    }

    @Test
    void anUnreadableProfileIsSkipped() {
        node.node("connection-profiles").put("broken", "{not json");
        assertThat(prefs.connectionProfiles()).isEmpty();
    }
}
