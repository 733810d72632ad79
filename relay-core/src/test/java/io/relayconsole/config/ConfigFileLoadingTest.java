package io.relayconsole.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.relayconsole.config.ConfigTestSupport.ONE_ENV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFileLoadingTest {
    @TempDir
    Path dir;

    @Test
    void loadsAFileAndLaysVariablesOverIt() throws IOException {
        Path file = Files.writeString(dir.resolve("relay.conf"), "[Main]\nport = 8100\n" + ONE_ENV);
        assertThat(ConfigLoader.load(file, false, Map.of("PORT", "8200"), false).config().main().port())
                .isEqualTo(8100);
        assertThat(ConfigLoader.load(file, false, Map.of("PORT", "8200"), true).config().main().port())
                .isEqualTo(8200);
    }

    @Test
    void problemsNameTheFileAsGiven() throws IOException {
        Path file = Files.writeString(dir.resolve("relay.conf"), ONE_ENV + "ttl = 5\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, false, Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3: [Environment \"prod\"] ttl: \"5\" is missing a unit"
                        + " (expected e.g. 10s, 500ms, 1m30s)");
    }

    @Test
    void aMissingFileIsAnErrorUnlessAllowed() {
        Path missing = dir.resolve("absent.conf");
        assertThatThrownBy(() -> ConfigLoader.load(missing, false, Map.of("LD_ENV_p", "sdk-p-123456"), true))
                .hasMessage(missing + ": configuration file not found (use --allow-missing-file to start without it)");
        assertThat(ConfigLoader.load(missing, true, Map.of("LD_ENV_p", "sdk-p-123456"), true)
                .config().environments()).hasSize(1);
    }

    @Test
    void aFileThatIsNotTextIsReported() throws IOException {
        Path file = Files.write(dir.resolve("binary.conf"), new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> ConfigLoader.load(file, false, Map.of(), false))
                .hasMessage(file + ": the file is not valid UTF-8 text");
    }
}
