package io.relayconsole.config;

/**
 * Something an operator should know about a configuration that still loads: typically a valid ld-relay setting
 * whose feature this relay does not implement yet. Located like a {@link ConfigProblem}.
 */
public record ConfigNotice(Level level, ConfigProblem where) {

    public enum Level { INFO, WARN }

    public static ConfigNotice warn(String source, int line, String key, String message) {
        return new ConfigNotice(Level.WARN, new ConfigProblem(source, line, key, message));
    }

    public String message() {
        return where.message();
    }

    /** Same form as {@link ConfigProblem#describe()}. */
    public String describe() {
        return where.describe();
    }

    @Override
    public String toString() {
        return level + " " + describe();
    }
}
