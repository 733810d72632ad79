package io.relayconsole.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

/**
 * Go's duration syntax, which ld-relay configurations use: an optional sign, then one or more
 * {@code <number><unit>} parts ({@code 500ms}, {@code 1m30s}, {@code 1.5h}, {@code -1s}). Units are mandatory
 * except for a plain {@code 0}, as in Go.
 */
final class GoDuration {
    static final String EXAMPLES = "expected e.g. 10s, 500ms, 1m30s";

    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    static Duration parse(String text) {
        String s = text.trim();
        if (s.equals("0") || s.equals("+0") || s.equals("-0")) {
            return Duration.ZERO;
        }
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i++;
        }
        if (i == s.length()) {
            throw notADuration(text);
        }
        BigDecimal totalNanos = BigDecimal.ZERO;
        while (i < s.length()) {
            int numberStart = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(numberStart, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw notADuration(text);
            }
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                throw notADuration(text);
            }
            if (unit.isEmpty()) {
                throw new IllegalArgumentException(quote(text) + " is missing a unit (" + EXAMPLES + ")");
            }
            Long nanosPerUnit = NANOS_PER_UNIT.get(unit);
            if (nanosPerUnit == null) {
                throw new IllegalArgumentException(quote(text) + " has an unknown unit " + quote(unit)
                        + " (use ns, us, ms, s, m or h; " + EXAMPLES + ")");
            }
            totalNanos = totalNanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(nanosPerUnit)));
        }
        BigInteger nanos = totalNanos.toBigInteger();
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw new IllegalArgumentException(quote(text) + " is too long a duration");
        }
        long value = nanos.longValueExact();
        return Duration.ofNanos(negative ? -value : value);
    }

    /** Go's own spelling of a duration, e.g. {@code 1m30s}, for messages that echo a setting back. */
    static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder(d.isNegative() ? "-" : "");
        Duration abs = d.abs();
        if (abs.compareTo(Duration.ofSeconds(1)) < 0) {
            long nanos = abs.toNanos();
            return sb.append(nanos % 1_000_000 == 0 ? (nanos / 1_000_000) + "ms" : nanos + "ns").toString();
        }
        if (abs.toHours() > 0) {
            sb.append(abs.toHours()).append('h');
        }
        if (abs.toMinutesPart() > 0 || abs.toHours() > 0) {
            sb.append(abs.toMinutesPart()).append('m');
        }
        sb.append(abs.toSecondsPart());
        if (abs.toNanosPart() > 0) {
            sb.append('.').append(String.format("%09d", abs.toNanosPart()).replaceAll("0+$", ""));
        }
        return sb.append('s').toString();
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException(quote(text) + " is not a duration (" + EXAMPLES + ")");
    }

    static String quote(String s) {
        return '"' + s + '"';
    }
}
