package io.relayconsole.app.logs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One line of the application log; {@code message} includes the stack trace of a logged exception. */
public record LogEntry(long sequence, Instant time, LogLevel level, String logger, String thread, String message) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    public String timeText() {
        return TIME.format(time);
    }

    /** The logger's simple name, as the table shows it. */
    public String shortLogger() {
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }

    /** Whether the text (case-insensitive, already lower-cased) occurs in the message or the logger. */
    boolean mentions(String lowerCaseText) {
        return message.toLowerCase(Locale.ROOT).contains(lowerCaseText)
                || logger.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }

    /** The message's first line, with how many more lines a stack trace adds; the table shows this. */
    public String summary() {
        int newline = message.indexOf('\n');
        if (newline < 0) {
            return message;
        }
        long more = message.chars().filter(c -> c == '\n').count();
        return message.substring(0, newline).stripTrailing() + "  (+" + more + " lines, copy to see all)";
    }

    /** The line as it is copied: time, level, logger, message. */
    public String format() {
        return timeText() + " " + String.format("%-5s", level) + " " + shortLogger() + " - " + message;
    }
}
