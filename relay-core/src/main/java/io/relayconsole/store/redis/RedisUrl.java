package io.relayconsole.store.redis;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a Redis URL: {@code redis://[user:password@]host[:port][/db]}, {@code rediss://} for TLS, and
 * {@code redis-sentinel://[user:password@]host[:port][,host[:port]...][/db]#masterName} (also {@code rediss-sentinel}).
 * Parsed here rather than by {@link java.net.URI} because a sentinel URL lists several hosts.
 */
record RedisUrl(boolean tls, boolean sentinel, List<RedisNode> nodes, String username, String password,
                int database, String sentinelMasterId) {

    static final int DEFAULT_PORT = 6379;
    static final int DEFAULT_SENTINEL_PORT = 26379;

    static RedisUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Redis URL must not be empty");
        }
        String text = url.trim();
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            throw invalid(text, "it has no scheme (expected redis://, rediss://, redis-sentinel:// or rediss-sentinel://)");
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase(java.util.Locale.ROOT);
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
        String rest = text.substring(schemeEnd + 3);
        String masterId = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            masterId = decode(rest.substring(hash + 1));
            rest = rest.substring(0, hash);
        }
        if (rest.indexOf('?') >= 0) {
            throw invalid(text, "query parameters are not supported (set timeouts in the store options)");
        }
        int slash = rest.indexOf('/');
        String path = slash >= 0 ? rest.substring(slash + 1) : "";
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;

        String username = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                username = emptyToNull(decode(userInfo.substring(0, colon)));
                password = emptyToNull(decode(userInfo.substring(colon + 1)));
            } else {
                // "redis://secret@host" is how many Redis URLs carry a password without a user name.
                password = emptyToNull(decode(userInfo));
            }
        }
        if (authority.isEmpty()) {
            throw invalid(text, "it has no host");
        }
        List<RedisNode> nodes = new ArrayList<>();
        for (String part : authority.split(",")) {
            try {
                nodes.add(RedisNode.parse(part, sentinel ? DEFAULT_SENTINEL_PORT : DEFAULT_PORT));
            } catch (IllegalArgumentException e) {
                throw invalid(text, e.getMessage());
            }
        }
        if (!sentinel && nodes.size() > 1) {
            throw invalid(text, "only a sentinel URL may list several hosts");
        }
        if (sentinel && (masterId == null || masterId.isBlank())) {
            throw invalid(text, "a sentinel URL needs the master name after '#', e.g. redis-sentinel://host:26379#mymaster");
        }
        if (!sentinel && masterId != null) {
            throw invalid(text, "only a sentinel URL may name a master after '#'");
        }
        int database = 0;
        if (!path.isEmpty()) {
            try {
                database = Integer.parseInt(path);
            } catch (NumberFormatException e) {
                throw invalid(text, "the path \"/" + path + "\" is not a database number");
            }
            if (database < 0) {
                throw invalid(text, "the database number must not be negative");
            }
        }
        return new RedisUrl(tls, sentinel, List.copyOf(nodes), username, password, database, masterId);
    }

    private static String decode(String s) {
        // Percent-decoding only: a '+' in a password is a plus sign, not a space.
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the text, which may be a password.
            throw new IllegalArgumentException("Invalid Redis URL: it has a malformed %-escape");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static IllegalArgumentException invalid(String url, String why) {
        return new IllegalArgumentException("Invalid Redis URL \"" + RedisStoreOptions.maskUrlPassword(url) + "\": " + why);
    }
}
