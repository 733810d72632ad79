package io.relayconsole.app.logs;

/** Log levels in order of severity, as the level filter offers them. */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR;

    public static LogLevel of(String logbackLevel) {
        try {
            return valueOf(logbackLevel);
        } catch (IllegalArgumentException | NullPointerException e) {
            return INFO;
        }
    }

    public boolean atLeast(LogLevel minimum) {
        return compareTo(minimum) >= 0;
    }
}
