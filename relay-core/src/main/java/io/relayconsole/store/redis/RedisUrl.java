package io.relayconsole.store.redis;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a Redis URL: {@code redis://[user:password@]host[:port][/db]}, {@code rediss://} for TLS, and
 * {@code redis-sentinel://[user:password@]host[:port][,host[:port]...][/db]#masterName} (also {@code rediss-sentinel}).
 *
 * <p>Lettuce's {@link RedisURI#create(URI)} does the parsing (user info and percent-decoding, sentinel host lists,
 * {@code #master}, {@code /db}, default ports, TLS). The checks around it keep what it would accept silently but
 * ld-relay's URL forms do not allow, and turn its terse messages into ones that name the URL.
 */
record RedisUrl(boolean tls, boolean sentinel, List<RedisNode> nodes, String username, String password,
                int database, String sentinelMasterId) {

    static final int DEFAULT_PORT = RedisURI.DEFAULT_REDIS_PORT;
    static final int DEFAULT_SENTINEL_PORT = RedisURI.DEFAULT_SENTINEL_PORT;

    static RedisUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Redis URL must not be empty");
        }
        String text = url.trim();
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            throw invalid(text, "it has no scheme (expected redis://, rediss://, redis-sentinel:// or rediss-sentinel://)");
        }
        // Our own list: lettuce also takes redis-socket, redis+ssl and redis+tls, which ld-relay does not.
        String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        boolean tls;
        boolean sentinel;
        switch (scheme) {
            case "redis" -> { tls = false; sentinel = false; }
            case "rediss" -> { tls = true; sentinel = false; }
            case "redis-sentinel" -> { tls = false; sentinel = true; }
            case "rediss-sentinel" -> { tls = true; sentinel = true; }
            default -> throw invalid(text, "the scheme \"" + scheme + "\" is not supported"
                    + " (expected redis, rediss, redis-sentinel or rediss-sentinel)");
        }
        if (hostPart(text.substring(schemeEnd + 3)).isEmpty()) {
            // java.net.URI would only say "expected authority", or lettuce "cannot get host part".
            throw invalid(text, "it has no host");
        }
        URI uri;
        try {
            // Lowercased because lettuce compares schemes case-sensitively; we have always accepted REDIS://.
            uri = new URI(scheme + text.substring(schemeEnd));
        } catch (URISyntaxException e) {
            // Only the reason: the exception's message quotes the whole URL, password included.
            throw invalid(text, "it is not a valid URL (" + lowerFirst(e.getReason()) + ")");
        }
        if (uri.getRawQuery() != null) {
            // Lettuce would apply timeout=, database=, clientName=... here; we take those from the store options only.
            throw invalid(text, "query parameters are not supported (set timeouts in the store options)");
        }
        if (sentinel && (uri.getFragment() == null || uri.getFragment().isBlank())) {
            throw invalid(text, "a sentinel URL needs the master name after '#', e.g. redis-sentinel://host:26379#mymaster");
        }
        if (!sentinel && uri.getRawFragment() != null) {
            // Lettuce ignores a fragment on redis://; a master name there is a mistake worth reporting.
            throw invalid(text, "only a sentinel URL may name a master after '#'");
        }
        checkDatabasePath(text, uri.getRawPath());
        if (uri.getPort() == 0) {
            // Lettuce reads port 0 as "no port" and would connect to 6379.
            throw invalid(text, "Redis port must be between 1 and 65535, was 0");
        }

        RedisURI parsed;
        try {
            parsed = RedisURI.create(uri);
        } catch (IllegalArgumentException e) {
            // Lettuce's messages here name hosts and ports ("Port out of range: 70000"), never the user info.
            throw invalid(text, lowerFirst(e.getMessage()));
        }

        if (!sentinel && parsed.getHost().contains(",")) {
            throw invalid(text, "only a sentinel URL may list several hosts");
        }
        List<RedisNode> nodes = new ArrayList<>();
        try {
            if (sentinel) {
                for (RedisURI node : parsed.getSentinels()) {
                    nodes.add(RedisNode.parse(node.getHost(), node.getPort()));
                }
            } else {
                // Re-read through RedisNode: when the authority is not an RFC 2396 host name ("redis_1:6380", "h:port")
                // lettuce keeps it whole as the host with port 6379, and IPv6 hosts come back in brackets.
                nodes.add(RedisNode.parse(parsed.getHost(), parsed.getPort()));
            }
        } catch (IllegalArgumentException e) {
            throw invalid(text, e.getMessage());
        }

        // A URI's credentials sit in a provider that answers at once (Mono.just); toFuture().join() rather than
        // block() so that building options on a Reactor thread does not trip its blocking check.
        RedisCredentials credentials = parsed.getCredentialsProvider().resolveCredentials().toFuture().join();
        String username = credentials != null && credentials.hasUsername() ? emptyToNull(credentials.getUsername()) : null;
        String password = credentials != null && credentials.hasPassword()
                ? emptyToNull(new String(credentials.getPassword())) : null;
        if (username == null && password == null) {
            username = userWithoutPassword(uri);
        }
        return new RedisUrl(tls, sentinel, List.copyOf(nodes), username, password, parsed.getDatabase(),
                parsed.getSentinelMasterId());
    }

    /** The hosts after "scheme://": up to the path, query or fragment, without the user info. */
    private static String hostPart(String afterScheme) {
        int end = afterScheme.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = afterScheme.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = afterScheme.substring(0, end);
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    /**
     * The user of "redis://relay:@host". Lettuce drops a user name whose password is empty; we keep it so that a password
     * set in the store options (kept out of the URL) is sent for that user.
     */
    private static String userWithoutPassword(URI uri) {
        String authority = uri.getRawAuthority();
        int at = authority == null ? -1 : authority.lastIndexOf('@');
        if (at < 2 || authority.charAt(at - 1) != ':' || authority.indexOf(':') != at - 1) {
            return null;
        }
        // java.net.URI has already rejected malformed escapes; '+' is a plus sign here, not a space.
        return URLDecoder.decode(authority.substring(0, at - 1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Lettuce would fail on "/x" with a bare NumberFormatException and on "/-1" with "Invalid database number". */
    private static void checkDatabasePath(String text, String path) {
        if (path == null || path.length() <= 1) {
            return;
        }
        String db = path.substring(1);
        if (db.matches("-\\d+")) {
            throw invalid(text, "the database number must not be negative");
        }
        if (!db.matches("\\d{1,9}")) {
            throw invalid(text, "the path \"" + path + "\" is not a database number");
        }
    }

    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "unknown problem" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static IllegalArgumentException invalid(String url, String why) {
        return new IllegalArgumentException("Invalid Redis URL \"" + RedisStoreOptions.maskUrlPassword(url) + "\": " + why);
    }
}
