package io.relayconsole.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.relayconsole.config.GoDuration.quote;

/**
 * Converts one setting's text into a typed value. Every method throws {@link IllegalArgumentException} with an
 * operator-facing message that quotes the bad value and says what was expected; the caller adds the location.
 */
final class ConfigValues {
    static final Set<String> LOG_LEVELS = Set.of("debug", "info", "warn", "error", "none");

    private ConfigValues() {
    }

    /** gcfg's spellings plus empty = false, so that {@code key =} switches a flag off. */
    static boolean parseBool(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "1": case "yes": case "on":
                return true;
            case "false": case "0": case "no": case "off": case "":
                return false;
            default:
                throw new IllegalArgumentException(quote(text) + " is not a boolean (expected true or false)");
        }
    }

    static int parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(quote(text) + " is not a whole number");
        }
    }

    /** A TCP port to listen on or connect to: 1-65535, or 0 as well when {@code allowZero} (any free port). */
    static int parsePort(String text, boolean allowZero) {
        int port = parseInt(text);
        if (port < (allowZero ? 0 : 1) || port > 65535) {
            throw new IllegalArgumentException(quote(text) + " is not a valid port (expected "
                    + (allowZero ? "0" : "1") + " to 65535)");
        }
        return port;
    }

    /** An absolute URL with a scheme and a host, as ld-relay requires for every URL setting. */
    static URI parseAbsoluteUri(String text) {
        String trimmed = text.trim();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(quote(text)
                        + " is not an absolute URL (expected e.g. https://host:port)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(quote(text) + " is not a valid URL (" + e.getReason() + ")");
        }
    }

    static String parseLogLevel(String text) {
        String level = text.trim().toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new IllegalArgumentException(quote(text)
                    + " is not a log level (expected debug, info, warn, error or none)");
        }
        return level;
    }

    static String parseTlsVersion(String text) {
        String version = text.trim();
        if (!Set.of("1.0", "1.1", "1.2", "1.3").contains(version)) {
            throw new IllegalArgumentException(quote(text) + " is not a TLS version (expected 1.0, 1.1, 1.2 or 1.3)");
        }
        return version;
    }

    static MainConfig.UpstreamMode parseUpstreamMode(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "streaming":
                return MainConfig.UpstreamMode.STREAMING;
            case "polling":
                return MainConfig.UpstreamMode.POLLING;
            default:
                throw new IllegalArgumentException(quote(text) + " is not an upstream mode (expected streaming or polling)");
        }
    }

    /** Environment variables carry lists as comma-separated text; blanks between commas are dropped. */
    static List<String> splitCommaList(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
