package io.relayconsole.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.relayconsole.config.ConfigException;
import io.relayconsole.config.ConfigLoader;
import io.relayconsole.config.ConfigNotice;
import io.relayconsole.config.DevelopmentConfig;
import io.relayconsole.config.LoadedConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.config.SimulatorConfig;
import io.relayconsole.metrics.OtlpSettings;
import io.relayconsole.metrics.RelayMeters;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.upstream.RelayVersion;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The headless relay: {@code java -jar relay-core-all.jar --config FILE | --from-env}. Stops cleanly on SIGTERM. */
public final class RelayMain {
    static final int EXIT_CONFIG_ERROR = 1;
    static final int EXIT_START_FAILED = 2;
    static final int EXIT_SCENARIO_MISMATCH = 3;

    static {
        // Before the first logger exists: the engine jar carries no logback.xml, so embedders keep their own.
        HeadlessLogging.request();
    }

    private static final Logger LOG = LoggerFactory.getLogger(RelayMain.class);

    private RelayMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(Arrays.asList(args), System.getenv(), System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /**
     * Runs until SIGTERM when the relay starts (returns -1 after a clean stop only in tests through the hook);
     * otherwise returns the exit code.
     */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err)
            throws InterruptedException {
        CommandLine cli = CommandLine.parse(args);
        if (cli.error() != null) {
            err.println("relay-console-relay: " + cli.error());
            err.println(CommandLine.USAGE);
            return EXIT_CONFIG_ERROR;
        }
        if (cli.help()) {
            out.println(CommandLine.USAGE);
            return 0;
        }
        if (cli.version()) {
            out.println("Relay Console relay " + RelayVersion.version());
            return 0;
        }
        if (cli.scenario() != null) {
            return runScenarios(cli.scenario(), cli.store(), out, err);
        }
        RelayConfig config;
        try {
            config = load(cli, env, err);
        } catch (ConfigException e) {
            err.println("Invalid configuration:");
            e.problems().forEach(p -> err.println("  " + p.describe()));
            return EXIT_CONFIG_ERROR;
        }
        applyLogLevel(config.main().logLevel());

        OtlpSettings otlp;
        try {
            otlp = OtlpSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            err.println("Invalid configuration:");
            err.println("  " + e.getMessage());
            return EXIT_CONFIG_ERROR;
        }
        RelayRuntime runtime;
        try {
            // -Drelayconsole.metrics=off is the benchmark's "metrics off" run, not an operator setting.
            boolean metersOff = "off".equals(System.getProperty("relayconsole.metrics"));
            runtime = RelayRuntime.start(config, RelayOptions.builder().storesFrom(config)
                    .meters(c -> metersOff ? RelayMeters.disabled() : RelayMeters.create(c.metrics(), otlp)).build());
        } catch (RuntimeException e) {
            LOG.error("Could not start the relay: {}", e.getMessage());
            return EXIT_START_FAILED;
        }
        if (config.main().limits().exitOnNoData()) {
            List<String> empty = NoDataExit.environmentsWithoutData(runtime.relay(), config.main().initTimeout());
            if (!empty.isEmpty()) {
                LOG.error("No data from upstream or a store after initTimeout ({}) for environment(s) {};"
                        + " exiting because exitOnNoData is set", config.main().initTimeout(), String.join(", ", empty));
                runtime.close();
                return EXIT_START_FAILED;
            }
        }
        if (config.main().exitAlways()) {
            ExitAlways.awaitInitialization(runtime.relay(), config.main().initTimeout());
            runtime.close();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down");
            runtime.close();
            stopped.countDown();
        }, "relay-shutdown"));
        stopped.await();
        return -1;
    }

    private static RelayConfig load(CommandLine cli, Map<String, String> env, PrintStream err) {
        if (cli.simulator() && cli.configFile() == null && !cli.fromEnv()) {
            return DevelopmentConfig.create();
        }
        boolean noSource = cli.configFile() == null && !cli.fromEnv();
        LoadedConfig loaded = ConfigLoader.load(noSource ? ConfigLoader.DEFAULT_FILE : cli.configFile(),
                cli.allowMissingFile(), env, cli.fromEnv());
        for (ConfigNotice notice : loaded.notices()) {
            err.println(notice.level() + " " + notice.describe());
        }
        RelayConfig config = loaded.config();
        if (cli.simulator() && !config.simulator().enabled()) {
            config = config.withSimulator(new SimulatorConfig(true, 0, true, true));
        }
        return config;
    }

    /** The diagrams are the output: the relays' start-up lines would bury them, so only warnings are logged. */
    private static int runScenarios(String which, String store, PrintStream out, PrintStream err)
            throws InterruptedException {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return ScenarioCommand.run(which, store, out, err);
        }
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        root.setLevel(Level.WARN);
        try {
            return ScenarioCommand.run(which, store, out, err);
        } finally {
            root.setLevel(previous);
        }
    }

    private static void applyLogLevel(String level) {
        if (level == null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Level logback = "none".equalsIgnoreCase(level) ? Level.OFF : Level.toLevel(level, Level.INFO);
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(logback);
    }
}
