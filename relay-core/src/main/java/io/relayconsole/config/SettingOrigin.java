package io.relayconsole.config;

/**
 * Where a setting came from: a file line, or an environment variable ({@code variable} non-null). Used to put
 * every problem where the operator wrote the value.
 */
record SettingOrigin(String source, int line, String variable) {

    static SettingOrigin file(String fileName, int line) {
        return new SettingOrigin(fileName, line, null);
    }

    static SettingOrigin variable(String name) {
        return new SettingOrigin(ConfigProblem.ENVIRONMENT, 0, name);
    }

    boolean isVariable() {
        return variable != null;
    }

    /** A problem at this origin; {@code label} (e.g. {@code [Main] port}) is used for file origins. */
    ConfigProblem problem(String label, String message) {
        return isVariable() ? ConfigProblem.ofVariable(variable, message)
                : new ConfigProblem(source, line, label, message);
    }

    ConfigNotice warning(String label, String message) {
        return new ConfigNotice(ConfigNotice.Level.WARN, problem(label, message));
    }
}
