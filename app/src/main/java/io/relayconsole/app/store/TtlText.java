package io.relayconsole.app.store;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cache TTL as typed in the console: {@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h}, a plain number of
 * seconds, {@code 0} for no cache, or {@code forever} (also {@code -1}) to cache for ever.
 */
public final class TtlText {
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    private TtlText() {
    }

    /** The TTL, or an {@link IllegalArgumentException} whose message says what to type. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("forever") || t.equals("-1") || t.equals("-1s")) {
            return Duration.ofMillis(-1);
        }
        Matcher m = AMOUNT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("Type a TTL such as 30s, 500ms, 5m, 0 (no cache) or forever");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** The text that {@link #parse} reads back as {@code ttl}. */
    public static String format(Duration ttl) {
        if (ttl.isNegative()) {
            return "forever";
        }
        if (ttl.isZero()) {
            return "0";
        }
        return ttl.toMillis() % 1000 == 0 ? ttl.toSeconds() + "s" : ttl.toMillis() + "ms";
    }
}
