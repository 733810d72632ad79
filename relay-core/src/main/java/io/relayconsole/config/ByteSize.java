package io.relayconsole.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as ld-relay reads them ({@code 100MiB}, {@code 64KB}, {@code 1.5GiB}, or a plain number of bytes).
 * As in ld-relay, {@code KB} and {@code KiB} both mean 1024 bytes.
 */
final class ByteSize {
    private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");
    private static final String POWERS = "kmgtpe";

    private ByteSize() {
    }

    static long parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw invalid(text);
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        long multiplier = multiplier(unit);
        if (multiplier == 0) {
            throw invalid(text);
        }
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(multiplier));
        try {
            return bytes.toBigInteger().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(GoDuration.quote(text) + " is too large");
        }
    }

    /** 1 for bytes, 1024^n for K/KB/KiB, M/MB/MiB, ...; 0 when the unit is unknown. */
    private static long multiplier(String unit) {
        if (unit.isEmpty() || unit.equals("b")) {
            return 1;
        }
        int power = POWERS.indexOf(unit.charAt(0)) + 1;
        String rest = unit.substring(1);
        if (power == 0 || !(rest.isEmpty() || rest.equals("b") || rest.equals("ib"))) {
            return 0;
        }
        return 1L << (10 * power);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(GoDuration.quote(text)
                + " is not a byte size (expected e.g. 512KiB, 100MiB, 1GiB)");
    }
}
