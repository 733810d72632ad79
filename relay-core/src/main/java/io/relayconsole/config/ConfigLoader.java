package io.relayconsole.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads an ld-relay v8 configuration, unchanged, from a file and/or environment variables (reference §6), and
 * checks it completely: every problem is reported at once, each with its file and line or its variable.
 *
 * <p>The file uses ld-relay's git-config syntax ({@code [Main]}, {@code [Environment "name"]}, ...; see
 * {@link GcfgParser}); every ld-relay v8 section and key is accepted, and unknown ones are errors. Environment
 * variables use ld-relay's names and override the file. The variables are passed in rather than read from
 * the process, so callers decide (the CLI passes {@code System.getenv()}).
 *
 * <p>Extensions beyond ld-relay:
 * <ul>
 *   <li>{@code [Main] upstreamMode = streaming|polling} ({@code UPSTREAM_MODE}) and {@code pollInterval}
 *       ({@code POLL_INTERVAL}, default 30s, at least 1s): poll upstream instead of streaming;</li>
 *   <li>{@code [Simulator] enabled} ({@code USE_SIMULATOR}) and {@code port} ({@code SIMULATOR_PORT}, default 0 =
 *       any free port): run the built-in upstream and use it for any upstream URI not set explicitly;</li>
 *   <li>{@code [Redis] sentinelMasterId} ({@code REDIS_SENTINEL_MASTER}) and {@code cluster}
 *       ({@code REDIS_CLUSTER}): Redis Sentinel and Redis Cluster.</li>
 * </ul>
 * Settings that are valid for ld-relay but whose features this relay lacks (event forwarding, metrics
 * exporters, outbound proxies, payload filters, auto-configuration, offline mode) load with a warning in
 * {@link LoadedConfig#notices()}.
 */
public final class ConfigLoader {
    /** Where ld-relay looks when started without arguments. */
    public static final Path DEFAULT_FILE = Path.of("/etc/ld-relay.conf");
    private static final String NO_FILE_SOURCE = "configuration";

    private ConfigLoader() {
    }

    /**
     * @param fileOrNull       the configuration file, or null to use environment variables only
     * @param allowMissingFile when true a missing file is treated as empty (ld-relay's {@code --allow-missing-file})
     * @param env              the environment variables (e.g. {@code System.getenv()})
     * @param fromEnv          whether to read {@code env} at all (ld-relay's {@code --from-env})
     * @throws ConfigException listing every problem found
     */
    public static LoadedConfig load(Path fileOrNull, boolean allowMissingFile, Map<String, String> env,
                                    boolean fromEnv) {
        if (fileOrNull == null) {
            return build(null, null, env, fromEnv);
        }
        String fileName = fileOrNull.toString();
        if (!Files.exists(fileOrNull)) {
            if (allowMissingFile) {
                return build(fileName, null, env, fromEnv);
            }
            throw new ConfigException(List.of(new ConfigProblem(fileName, 0, null,
                    "configuration file not found (use --allow-missing-file to start without it)")));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(fileOrNull))).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(List.of(new ConfigProblem(fileName, 0, null,
                    "the file is not valid UTF-8 text")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(fileName, 0, null,
                    "cannot read the file: " + e.getMessage())));
        }
        return build(fileName, text, env, fromEnv);
    }

    /**
     * Loads from text as if read from a file named {@code fileName}; environment variables are applied when
     * {@code env} is non-empty.
     */
    public static LoadedConfig parse(String fileName, String text, Map<String, String> env) {
        return build(fileName, text, env, true);
    }

    /** Loads from text alone, no environment variables. */
    public static LoadedConfig parse(String fileName, String text) {
        return parse(fileName, text, Map.of());
    }

    private static LoadedConfig build(String fileName, String text, Map<String, String> env, boolean fromEnv) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<ConfigNotice> notices = new ArrayList<>();
        RawSettings raw = new RawSettings();
        if (text != null) {
            FileSettings.read(GcfgParser.parse(fileName, text), raw, problems);
        }
        if (fromEnv && env != null) {
            EnvironmentVariables.apply(env, raw, problems);
        }
        TypedSettings settings = TypedSettings.convert(raw, problems);
        ConfigAssembler assembler = new ConfigAssembler(settings);
        List<EnvironmentConfig> environments = assembler.environments();
        Optional<DatabaseConfig> database = new DatabaseSettings(settings, problems, notices).resolve(environments);
        RelayConfig config = assembler.assemble(database);
        new ConfigRules(settings, fileName == null ? NO_FILE_SOURCE : fileName, problems, notices).check(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new LoadedConfig(config, notices);
    }
}
