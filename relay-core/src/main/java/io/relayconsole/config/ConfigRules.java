package io.relayconsole.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.relayconsole.config.RawSettings.SectionRef;

import static io.relayconsole.config.GoDuration.quote;

/**
 * The rules that span several settings (other than the database ones in {@link DatabaseSettings}), and the
 * warnings about valid ld-relay settings whose features this relay does not implement yet.
 */
final class ConfigRules {
    private static final SectionRef MAIN = SectionRef.of(ConfigSection.MAIN);
    private static final SectionRef EVENTS = SectionRef.of(ConfigSection.EVENTS);
    private static final SectionRef PROXY = SectionRef.of(ConfigSection.PROXY);
    private static final SectionRef AUTO_CONFIG = SectionRef.of(ConfigSection.AUTO_CONFIG);
    private static final SectionRef OFFLINE_MODE = SectionRef.of(ConfigSection.OFFLINE_MODE);
    private static final Duration MIN_CLEANUP_INTERVAL = Duration.ofMillis(100);

    private final TypedSettings settings;
    private final String wholeConfigSource;
    private final List<ConfigProblem> problems;
    private final List<ConfigNotice> notices;

    /** {@code wholeConfigSource} names the configuration in problems that belong to no single setting. */
    ConfigRules(TypedSettings settings, String wholeConfigSource, List<ConfigProblem> problems,
                List<ConfigNotice> notices) {
        this.settings = settings;
        this.wholeConfigSource = wholeConfigSource;
        this.problems = problems;
        this.notices = notices;
    }

    void check(RelayConfig config) {
        checkMain(config.main());
        checkEvents();
        checkEnvironments(config);
        checkEnterpriseModes(config);
        checkProxy(config.proxy());
        checkMetrics(config.metrics());
    }

    private void checkMain(MainConfig main) {
        if (settings.isSet(MAIN, "pollInterval") && main.pollInterval().compareTo(MainConfig.MIN_POLL_INTERVAL) < 0) {
            problems.add(settings.problem(MAIN, "pollInterval", "must be at least 1s"));
        }
        if (settings.isSet(MAIN, "expiredCredentialCleanupInterval")
                && main.expiredCredentialCleanupInterval().compareTo(MIN_CLEANUP_INTERVAL) < 0) {
            problems.add(settings.problem(MAIN, "expiredCredentialCleanupInterval", "must be at least 100ms"));
        }
        if (main.tls().enabled()) {
            if (main.tls().certFile() == null) {
                problems.add(settings.problem(MAIN, "tlsCert", "tlsEnabled", "tlsCert is required when tlsEnabled is true"));
            }
            if (main.tls().keyFile() == null) {
                problems.add(settings.problem(MAIN, "tlsKey", "tlsEnabled", "tlsKey is required when tlsEnabled is true"));
            }
        }
    }

    private void checkEvents() {
        if (settings.isSet(EVENTS, "samplingInterval")) {
            problems.add(settings.problem(EVENTS, "samplingInterval",
                    "event sampling is no longer supported; remove this setting"));
        }
    }

    private void checkEnvironments(RelayConfig config) {
        boolean enterpriseMode = settings.isSet(AUTO_CONFIG, "key") || settings.isSet(OFFLINE_MODE, "fileDataSource");
        if (config.environments().isEmpty() && !enterpriseMode) {
            problems.add(new ConfigProblem(wholeConfigSource, 0, null, "no environments are configured: add an"
                    + " [Environment \"name\"] section with an sdkKey, or set LD_ENV_<name> to an SDK key"));
        }
        for (EnvironmentConfig env : config.environments()) {
            if (env.sdkKey() == null) {
                problems.add(settings.problem(envRef(env), "sdkKey", "sdkKey is required"));
            }
        }
        checkUnique(config.environments(), "sdkKey", "SDK key", EnvironmentConfig::sdkKey);
        checkUnique(config.environments(), "mobileKey", "mobile key", EnvironmentConfig::mobileKey);
        checkUnique(config.environments(), "envId", "client-side ID", EnvironmentConfig::envId);
        if (!config.filters().isEmpty()) {
            SectionRef first = new SectionRef(ConfigSection.FILTERS, config.filters().get(0).projKey());
            notices.add(settings.warning(first, "keys",
                    "payload filters are not supported yet; no filtered environments are created"));
            for (EnvironmentConfig env : config.environments()) {
                if (env.projKey() == null) {
                    problems.add(settings.problem(envRef(env), "projKey",
                            "projKey is required when [Filters] sections are configured"));
                }
            }
        }
    }

    /** A credential identifies one environment; the same one in two would make requests ambiguous. */
    private void checkUnique(List<EnvironmentConfig> environments, String key, String what,
                             Function<EnvironmentConfig, String> credential) {
        Map<String, String> owners = new HashMap<>();
        for (EnvironmentConfig env : environments) {
            String value = credential.apply(env);
            if (value == null) {
                continue;
            }
            String owner = owners.putIfAbsent(value, env.name());
            if (owner != null) {
                problems.add(settings.problem(envRef(env), key, "the same " + what + " is already used by"
                        + " environment " + quote(owner) + "; each environment needs its own"));
            }
        }
    }

    /** Enterprise modes are validated like ld-relay does; this relay implements offline mode, not auto-configuration. */
    private void checkEnterpriseModes(RelayConfig config) {
        boolean autoConfig = settings.isSet(AUTO_CONFIG, "key");
        boolean offline = settings.isSet(OFFLINE_MODE, "fileDataSource");
        if (autoConfig && offline) {
            problems.add(settings.problem(OFFLINE_MODE, "fileDataSource",
                    "offline mode cannot be combined with auto-configuration ([AutoConfig] key)"));
        }
        if (autoConfig) {
            notices.add(settings.warning(AUTO_CONFIG, "key",
                    "auto-configuration is not supported; configure [Environment] sections instead"));
            if (!config.environments().isEmpty()) {
                problems.add(settings.problem(AUTO_CONFIG, "key",
                        "auto-configuration cannot be combined with [Environment] sections"));
            }
            if (!config.filters().isEmpty()) {
                problems.add(settings.problem(AUTO_CONFIG, "key",
                        "auto-configuration cannot be combined with [Filters] sections"));
            }
        }
        if (offline) {
            if (!config.environments().isEmpty()) {
                problems.add(settings.problem(OFFLINE_MODE, "fileDataSource",
                        "offline mode cannot be combined with [Environment] sections"));
            }
        }
        Duration monitoring = settings.get(OFFLINE_MODE, "fileDataSourceMonitoringInterval", null);
        if (monitoring != null && monitoring.compareTo(MIN_CLEANUP_INTERVAL) < 0) {
            problems.add(settings.problem(OFFLINE_MODE, "fileDataSourceMonitoringInterval", "must be at least 100ms"));
        }
    }

    private void checkProxy(ProxyConfig proxy) {
        if (proxy.ntlmAuth() && (proxy.user() == null || proxy.password() == null)) {
            problems.add(settings.problem(PROXY, "ntlmAuth", "NTLM proxy authentication needs user and password"));
        }
        if (proxy.url() != null) {
            notices.add(settings.warning(PROXY, "url",
                    "outbound HTTP proxies are not supported yet; upstream connections are made directly"));
        }
    }

    private void checkMetrics(MetricsConfig metrics) {
        warnIfEnabled(ConfigSection.DATADOG, metrics.datadog().enabled(), "Datadog");
        warnIfEnabled(ConfigSection.STACKDRIVER, metrics.stackdriver().enabled(), "Stackdriver");
    }

    private void warnIfEnabled(ConfigSection section, boolean enabled, String name) {
        if (enabled) {
            notices.add(settings.warning(SectionRef.of(section), "enabled",
                    name + " metrics export is not supported yet; no metrics are sent"));
        }
    }

    private static SectionRef envRef(EnvironmentConfig env) {
        return new SectionRef(ConfigSection.ENVIRONMENT, env.name());
    }
}
