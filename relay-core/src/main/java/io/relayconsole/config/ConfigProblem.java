package io.relayconsole.config;

/**
 * One thing wrong with a configuration, located precisely enough for an operator to fix it.
 *
 * @param source  the file name, or {@link #ENVIRONMENT} for an environment variable
 * @param line    1-based line in the file; 0 for environment variables and problems without a line
 * @param key     what is wrong: {@code [Main] initTimeout} for a file key, the variable name for an environment
 *                variable; null when the problem concerns the configuration as a whole
 * @param message what is wrong and, where possible, what is expected
 */
public record ConfigProblem(String source, int line, String key, String message) {

    /** The {@link #source()} of problems found in environment variables. */
    public static final String ENVIRONMENT = "environment";

    public static ConfigProblem ofVariable(String variable, String message) {
        return new ConfigProblem(ENVIRONMENT, 0, variable, message);
    }

    public boolean fromEnvironment() {
        return ENVIRONMENT.equals(source);
    }

    /**
     * The operator-facing form: {@code relay.conf:12: [Main] initTimeout: ...} for a file,
     * {@code environment variable INIT_TIMEOUT: ...} for an environment variable.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (fromEnvironment()) {
            sb.append("environment variable ").append(key == null ? "" : key);
        } else {
            sb.append(source);
            if (line > 0) {
                sb.append(':').append(line);
            }
            if (key != null) {
                sb.append(": ").append(key);
            }
        }
        return sb.append(": ").append(message).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
