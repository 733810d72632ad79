package io.relayconsole.app.shell;

import io.relayconsole.app.preferences.ConsolePreferences;
import io.relayconsole.config.ConfigLoader;
import io.relayconsole.config.DevelopmentConfig;
import io.relayconsole.config.RelayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the console's relay configuration comes from: a file given with {@code --config FILE}, else the file of
 * the last run (if it still exists), else the development default. {@code -Drelayconsole.port=N} moves the SDK
 * port for this run (so two consoles can run side by side). Loading is deferred so it runs off the FX thread.
 */
public record ConfigSource(String description, Optional<Path> file, Supplier<RelayConfig> loader) {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigSource.class);

    public static ConfigSource developmentDefault() {
        return new ConfigSource("development default (built-in upstream, sample flags)", Optional.empty(),
                DevelopmentConfig::create);
    }

    public static ConfigSource file(Path path) {
        return new ConfigSource(path.toString(), Optional.of(path),
                () -> ConfigLoader.load(path, false, Map.of(), false).config());
    }

    /** A configuration built in code, e.g. by tests (port 0). */
    public static ConfigSource of(String description, RelayConfig config) {
        return new ConfigSource(description, Optional.empty(), () -> config);
    }

    /**
     * Reads {@code --config FILE} (or {@code --config=FILE}); without it restores the last run's file.
     *
     * @throws IllegalArgumentException when {@code --config} has no file or an argument is unknown
     */
    public static ConfigSource fromArguments(List<String> args, ConsolePreferences preferences) {
        Optional<Path> given = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--config")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--config needs a file: --config FILE");
                }
                given = Optional.of(Path.of(args.get(++i)));
            } else if (arg.startsWith("--config=")) {
                given = Optional.of(Path.of(arg.substring("--config=".length())));
            } else {
                throw new IllegalArgumentException("Unknown argument \"" + arg + "\"; the console accepts --config FILE");
            }
        }
        ConfigSource source = given.map(ConfigSource::file).orElseGet(() -> restore(preferences));
        return source.withPortOverride(Integer.getInteger("relayconsole.port"));
    }

    private static ConfigSource restore(ConsolePreferences preferences) {
        Optional<Path> last = preferences.lastConfiguration();
        if (last.isPresent() && Files.isRegularFile(last.get())) {
            return file(last.get());
        }
        last.ifPresent(p -> LOG.warn("The last configuration {} no longer exists; using the development default", p));
        return developmentDefault();
    }

    /**
     * The built-in upstream serves the workspace the console opened last, unless the configuration names one
     * ({@code [Simulator] workspace} wins) or that workspace is gone (then the sample flags, and a warning).
     */
    public static RelayConfig withRememberedWorkspace(RelayConfig config, ConsolePreferences preferences) {
        Optional<Path> last = preferences.lastWorkspace();
        String named = config.simulator().workspace();
        if (!config.simulator().enabled() || (named != null && !named.isBlank()) || last.isEmpty()) {
            return config;
        }
        if (!Files.exists(last.get())) {
            LOG.warn("The last workspace {} no longer exists; the built-in upstream starts from the sample flags",
                    last.get());
            return config;
        }
        return config.withSimulator(config.simulator().withWorkspace(last.get().toString()));
    }

    ConfigSource withPortOverride(Integer port) {
        if (port == null) {
            return this;
        }
        UnaryOperator<RelayConfig> move = c -> c.withMain(c.main().withPort(port));
        return new ConfigSource(description + ", SDK port " + port, file, () -> move.apply(loader.get()));
    }
}
