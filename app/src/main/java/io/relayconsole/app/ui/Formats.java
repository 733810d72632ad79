package io.relayconsole.app.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times, ages and sizes read in the console's tables. */
public final class Formats {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    public static String clock(Instant time) {
        return time == null ? "" : CLOCK.format(time);
    }

    /** "12 s ago", "3 min ago", "2 h ago". */
    public static String ago(Instant time, Instant now) {
        if (time == null) {
            return "never";
        }
        long s = Math.max(0, Duration.between(time, now).toSeconds());
        if (s < 120) {
            return s + " s ago";
        }
        return s < 7200 ? (s / 60) + " min ago" : (s / 3600) + " h ago";
    }

    /** "512 B", "4.2 KB", "1.3 MB". */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format("%.1f KB", n / 1024.0);
        }
        return String.format("%.1f MB", n / (1024.0 * 1024.0));
    }
}
