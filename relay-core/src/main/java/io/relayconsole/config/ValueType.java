package io.relayconsole.config;

import java.time.Duration;
import java.util.List;

import static io.relayconsole.config.GoDuration.quote;

/** How the text of one setting is read, and the range it must fall in. */
enum ValueType {
    STRING,
    BOOL,
    POSITIVE_INT,
    PORT,
    /** A port where 0 means "any free port". */
    PORT_OR_ZERO,
    /** A duration that must not be negative. */
    DURATION,
    /** A duration that must be greater than zero. */
    POSITIVE_DURATION,
    /** A duration where negative values have a meaning (cache TTLs: negative = cache forever). */
    SIGNED_DURATION,
    ABSOLUTE_URI,
    POSITIVE_BYTE_SIZE,
    LOG_LEVEL,
    TLS_VERSION,
    UPSTREAM_MODE,
    /** Repeated keys append; each value may also hold a comma-separated list. */
    LIST,
    /** Repeated keys append; commas are part of the value (e.g. Datadog tags). */
    LIST_NO_SPLIT;

    boolean isList() {
        return this == LIST || this == LIST_NO_SPLIT;
    }

    /** Converts non-empty text; throws {@link IllegalArgumentException} with an operator-facing message. */
    Object convert(String text) {
        return switch (this) {
            case STRING -> text;
            case BOOL -> ConfigValues.parseBool(text);
            case POSITIVE_INT -> {
                int n = ConfigValues.parseInt(text);
                if (n <= 0) {
                    throw new IllegalArgumentException(quote(text) + " must be greater than zero");
                }
                yield n;
            }
            case PORT -> ConfigValues.parsePort(text, false);
            case PORT_OR_ZERO -> ConfigValues.parsePort(text, true);
            case DURATION, POSITIVE_DURATION, SIGNED_DURATION -> checkDuration(text, GoDuration.parse(text));
            case ABSOLUTE_URI -> ConfigValues.parseAbsoluteUri(text);
            case POSITIVE_BYTE_SIZE -> {
                long bytes = ByteSize.parse(text);
                if (bytes <= 0) {
                    throw new IllegalArgumentException(quote(text) + " must be greater than zero");
                }
                yield bytes;
            }
            case LOG_LEVEL -> ConfigValues.parseLogLevel(text);
            case TLS_VERSION -> ConfigValues.parseTlsVersion(text);
            case UPSTREAM_MODE -> ConfigValues.parseUpstreamMode(text);
            case LIST -> ConfigValues.splitCommaList(text);
            case LIST_NO_SPLIT -> List.of(text.trim());
        };
    }

    private Duration checkDuration(String text, Duration d) {
        if (this == DURATION && d.isNegative()) {
            throw new IllegalArgumentException(quote(text) + " must not be negative");
        }
        if (this == POSITIVE_DURATION && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException(quote(text) + " must be greater than zero");
        }
        return d;
    }
}
