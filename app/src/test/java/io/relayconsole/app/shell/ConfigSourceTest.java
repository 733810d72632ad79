package io.relayconsole.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.app.preferences.ConsolePreferences;
import io.relayconsole.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {
    private final Preferences node = Preferences.userRoot().node("/io/relayconsole/test-" + UUID.randomUUID());
    private final ConsolePreferences prefs = new ConsolePreferences(node);
    @TempDir
    Path dir;

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void configFileFromTheCommandLineIsLoadedWithConfigLoader() throws Exception {
        Path file = dir.resolve("relay.conf");
        Files.writeString(file, "[Main]\nport = 9123\n[Environment \"prod\"]\nsdkKey = sdk-11111111-2222\n");
        ConfigSource source = ConfigSource.fromArguments(List.of("--config", file.toString()), prefs);
        assertThat(source.file()).contains(file);
        assertThat(source.loader().get().main().port()).isEqualTo(9123);
        assertThat(ConfigSource.fromArguments(List.of("--config=" + file), prefs).file()).contains(file);
    }

    @Test
    void withoutArgumentsTheLastFileIsRestoredIfItStillExists() throws Exception {
        assertThat(ConfigSource.fromArguments(List.of(), prefs).file()).isEmpty();
        Path file = dir.resolve("last.conf");
        Files.writeString(file, "[Environment \"prod\"]\nsdkKey = sdk-11111111-2222\n");
        prefs.saveLastConfiguration(Optional.of(file));
        assertThat(ConfigSource.fromArguments(List.of(), prefs).file()).contains(file.toAbsolutePath());
        Files.delete(file);
        assertThat(ConfigSource.fromArguments(List.of(), prefs).description()).startsWith("development default");
    }

    @Test
    void badArgumentsAndBadFilesAreClearErrors() {
        assertThatThrownBy(() -> ConfigSource.fromArguments(List.of("--config"), prefs))
                .hasMessageContaining("--config needs a file");
        assertThatThrownBy(() -> ConfigSource.fromArguments(List.of("--port", "1"), prefs))
                .hasMessageContaining("Unknown argument \"--port\"");
        ConfigSource missing = ConfigSource.file(dir.resolve("absent.conf"));
        assertThatThrownBy(() -> missing.loader().get()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void portOverrideMovesTheSdkPort() {
        ConfigSource moved = ConfigSource.developmentDefault().withPortOverride(0);
        assertThat(moved.loader().get().main().port()).isZero();
        assertThat(moved.description()).endsWith("SDK port 0");
    }
}
