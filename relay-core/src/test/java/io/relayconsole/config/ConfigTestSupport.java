package io.relayconsole.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Helpers shared by the loader tests. */
final class ConfigTestSupport {
    static final String ONE_ENV = "[Environment \"prod\"]\nsdkKey = sdk-prod-1234567890\n";

    private ConfigTestSupport() {
    }

    static String resource(String name) {
        try (InputStream in = ConfigTestSupport.class.getResourceAsStream("/config/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The described problems of a configuration that must fail to load. */
    static List<String> problemsOf(String text, Map<String, String> env) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse("relay.conf", text, env));
        if (e == null) {
            throw new AssertionError("expected the configuration to be rejected:\n" + text);
        }
        return e.problems().stream().map(ConfigProblem::describe).toList();
    }

    static List<String> problemsOf(String text) {
        return problemsOf(text, Map.of());
    }

    static void assertRejected(String text) {
        assertThatThrownBy(() -> ConfigLoader.parse("relay.conf", text)).isInstanceOf(ConfigException.class);
    }
}
