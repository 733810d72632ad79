package io.relayconsole.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.relayconsole.config.RawSettings.SectionRef;

/**
 * Lays environment variables over the file's settings, following ld-relay's names and rules (reference §6):
 * plain variables override their key; {@code LD_ENV_<name>} defines or extends an environment and enables the
 * {@code LD_*_<name>} variables for it; database and metrics variables are read only when that integration is
 * switched on ({@code USE_REDIS}, {@code USE_DYNAMODB}, ...) or the file already enabled it. Empty variables
 * count as unset. Obsolete variables that would otherwise be silently ignored are errors.
 */
final class EnvironmentVariables {
    private static final String SDK_KEY_PREFIX = "LD_ENV_";
    private static final String DEFAULT_REDIS_URL = "redis://localhost:6379";
    private static final String DEFAULT_CONSUL_HOST = "localhost";

    private final Map<String, String> env;
    private final RawSettings raw;
    private final List<ConfigProblem> problems;

    private EnvironmentVariables(Map<String, String> env, RawSettings raw, List<ConfigProblem> problems) {
        // Sorted so that discovered environments and tags come out in a stable order.
        this.env = new TreeMap<>(env);
        this.raw = raw;
        this.problems = problems;
    }

    static void apply(Map<String, String> env, RawSettings raw, List<ConfigProblem> problems) {
        new EnvironmentVariables(env, raw, problems).applyAll();
    }

    private void applyAll() {
        readPlain(ConfigSection.MAIN);
        readPlain(ConfigSection.EVENTS);
        readPlain(ConfigSection.PROXY);
        readPlain(ConfigSection.SIMULATOR);
        readEnvironments();
        readFilters();
        readRedis();
        readConsul();
        readSwitched(ConfigSection.DYNAMODB);
        readSwitched(ConfigSection.PROMETHEUS);
        readSwitched(ConfigSection.DATADOG);
        readDatadogTags();
        readSwitched(ConfigSection.STACKDRIVER);
        readEnterpriseModes();
        rejectObsolete("REDIS_TTL", "CACHE_TTL");
        for (String name : env.keySet()) {
            if (name.startsWith("LD_TTL_MINUTES_") && isSet(name)) {
                rejectObsolete(name, "LD_TTL_" + name.substring("LD_TTL_MINUTES_".length())
                        + " with a duration such as 5m");
            }
        }
    }

    private void readPlain(ConfigSection section) {
        SectionRef ref = SectionRef.of(section);
        for (ConfigKey key : section.keys()) {
            setFromVariable(ref, key, key.envVar());
        }
    }

    private void readEnvironments() {
        for (Map.Entry<String, String> e : env.entrySet()) {
            String name = e.getKey().substring(Math.min(e.getKey().length(), SDK_KEY_PREFIX.length()));
            if (e.getKey().startsWith(SDK_KEY_PREFIX) && !name.isEmpty() && isSet(e.getKey())) {
                raw.put(new SectionRef(ConfigSection.ENVIRONMENT, name),
                        ConfigSection.ENVIRONMENT.requireKey("sdkKey"), List.of(e.getValue()),
                        SettingOrigin.variable(e.getKey()), false);
            }
        }
        // Both the environments just discovered and the file's own sections take the LD_*_<name> variables.
        for (RawSettings.RawSection section : raw.sectionsOf(ConfigSection.ENVIRONMENT)) {
            for (ConfigKey key : ConfigSection.ENVIRONMENT.keys()) {
                if (!key.name().equals("sdkKey")) {
                    setFromVariable(section.ref, key, key.envVar() + section.ref.name());
                }
            }
        }
    }

    private void readFilters() {
        ConfigKey keys = ConfigSection.FILTERS.requireKey("keys");
        for (String name : env.keySet()) {
            String project = name.substring(Math.min(name.length(), keys.envVar().length()));
            if (name.startsWith(keys.envVar()) && !project.isEmpty()) {
                setFromVariable(new SectionRef(ConfigSection.FILTERS, project), keys, name);
            }
        }
    }

    private void readRedis() {
        SectionRef ref = SectionRef.of(ConfigSection.REDIS);
        boolean switchedOn = readSwitch("USE_REDIS");
        boolean enabledInFile = raw.isSet(ref, "url") || raw.isSet(ref, "host") || raw.isSet(ref, "port");
        if (!switchedOn && !enabledInFile) {
            return;
        }
        for (ConfigKey key : ConfigSection.REDIS.keys()) {
            if (!key.name().equals("port")) {
                setFromVariable(ref, key, key.envVar());
            }
        }
        String port = env.get("REDIS_PORT");
        if (port != null && !port.isEmpty()) {
            SettingOrigin origin = SettingOrigin.variable("REDIS_PORT");
            if (port.startsWith("tcp://")) {
                // Docker links set REDIS_PORT=tcp://host:port, which names both.
                String hostAndPort = port.substring("tcp://".length());
                int colon = hostAndPort.lastIndexOf(':');
                if (colon <= 0 || colon == hostAndPort.length() - 1) {
                    problems.add(ConfigProblem.ofVariable("REDIS_PORT", GoDuration.quote(port)
                            + " is neither a port nor tcp://host:port"));
                    return;
                }
                raw.put(ref, ConfigSection.REDIS.requireKey("host"), List.of(hostAndPort.substring(0, colon)),
                        origin, false);
                port = hostAndPort.substring(colon + 1);
            }
            raw.put(ref, ConfigSection.REDIS.requireKey("port"), List.of(port), origin, false);
        }
        if (!raw.isSet(ref, "url") && !raw.isSet(ref, "host") && !raw.isSet(ref, "port")) {
            raw.put(ref, ConfigSection.REDIS.requireKey("url"), List.of(DEFAULT_REDIS_URL),
                    SettingOrigin.variable("USE_REDIS"), false);
        }
    }

    private void readConsul() {
        SectionRef ref = SectionRef.of(ConfigSection.CONSUL);
        boolean switchedOn = readSwitch("USE_CONSUL");
        if (!switchedOn && !raw.isSet(ref, "host")) {
            return;
        }
        if (!raw.isSet(ref, "host")) {
            raw.put(ref, ConfigSection.CONSUL.requireKey("host"), List.of(DEFAULT_CONSUL_HOST),
                    SettingOrigin.variable("USE_CONSUL"), false);
        }
        for (ConfigKey key : ConfigSection.CONSUL.keys()) {
            setFromVariable(ref, key, key.envVar());
        }
    }

    /** Sections whose {@code enabled} key has a USE_* variable and whose other variables need it on. */
    private void readSwitched(ConfigSection section) {
        SectionRef ref = SectionRef.of(section);
        ConfigKey enabled = section.requireKey("enabled");
        setFromVariable(ref, enabled, enabled.envVar());
        RawSettings.RawValue value = raw.value(ref, "enabled");
        if (value == null || !leniently(value.items().get(0))) {
            return;
        }
        for (ConfigKey key : section.keys()) {
            if (!key.envVar().endsWith("_")) {
                setFromVariable(ref, key, key.envVar());
            }
        }
    }

    private void readDatadogTags() {
        SectionRef ref = SectionRef.of(ConfigSection.DATADOG);
        RawSettings.RawValue enabled = raw.value(ref, "enabled");
        if (enabled == null || !leniently(enabled.items().get(0))) {
            return;
        }
        ConfigKey tag = ConfigSection.DATADOG.requireKey("tag");
        for (Map.Entry<String, String> e : env.entrySet()) {
            String tagName = e.getKey().substring(Math.min(e.getKey().length(), tag.envVar().length()));
            if (e.getKey().startsWith(tag.envVar()) && !tagName.isEmpty() && isSet(e.getKey())) {
                raw.append(ref, tag, tagName + ":" + e.getValue(), SettingOrigin.variable(e.getKey()));
            }
        }
    }

    /** AutoConfig and OfflineMode share the ENV_* variables; they go to whichever mode is in use. */
    private void readEnterpriseModes() {
        SectionRef autoConfig = SectionRef.of(ConfigSection.AUTO_CONFIG);
        SectionRef offline = SectionRef.of(ConfigSection.OFFLINE_MODE);
        setFromVariable(autoConfig, ConfigSection.AUTO_CONFIG.requireKey("key"), "AUTO_CONFIG_KEY");
        setFromVariable(offline, ConfigSection.OFFLINE_MODE.requireKey("fileDataSource"), "FILE_DATA_SOURCE");
        setFromVariable(offline, ConfigSection.OFFLINE_MODE.requireKey("fileDataSourceMonitoringInterval"),
                "FILE_DATA_SOURCE_MONITORING_INTERVAL");
        SectionRef target = raw.isSet(autoConfig, "key") ? autoConfig
                : raw.isSet(offline, "fileDataSource") ? offline : null;
        if (target == null) {
            return;
        }
        for (ConfigKey key : target.section().keys()) {
            if (key.envVar().startsWith("ENV_")) {
                setFromVariable(target, key, key.envVar());
            }
        }
    }

    private void setFromVariable(SectionRef ref, ConfigKey key, String variable) {
        if (isSet(variable)) {
            raw.put(ref, key, List.of(env.get(variable)), SettingOrigin.variable(variable), false);
        }
    }

    private boolean readSwitch(String variable) {
        if (!isSet(variable)) {
            return false;
        }
        try {
            return ConfigValues.parseBool(env.get(variable));
        } catch (IllegalArgumentException e) {
            problems.add(ConfigProblem.ofVariable(variable, e.getMessage()));
            return false;
        }
    }

    /** For deciding whether to read more variables; a bad value is reported when the value itself is read. */
    private static boolean leniently(String bool) {
        try {
            return ConfigValues.parseBool(bool);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void rejectObsolete(String variable, String replacement) {
        if (isSet(variable)) {
            problems.add(ConfigProblem.ofVariable(variable, "this variable is no longer supported; use "
                    + replacement));
        }
    }

    private boolean isSet(String variable) {
        String value = env.get(variable);
        return value != null && !value.isEmpty();
    }
}
