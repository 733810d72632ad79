package io.relayconsole.store.redis;

/** One Redis address: a data node, a cluster seed node or a sentinel. */
public record RedisNode(String host, int port) {
    public RedisNode {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Redis host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Redis port must be between 1 and 65535, was " + port);
        }
    }

    /** Parses {@code host:port} (or {@code [ipv6]:port}); {@code defaultPort} applies when no port is given. */
    public static RedisNode parse(String hostAndPort, int defaultPort) {
        if (hostAndPort == null || hostAndPort.isBlank()) {
            throw new IllegalArgumentException("Redis address must not be empty");
        }
        String text = hostAndPort.trim();
        int colon = text.lastIndexOf(':');
        boolean bracketedIpv6 = text.startsWith("[");
        if (colon < 0 || (bracketedIpv6 && colon < text.indexOf(']'))) {
            return new RedisNode(stripBrackets(text), defaultPort);
        }
        String portText = text.substring(colon + 1);
        try {
            return new RedisNode(stripBrackets(text.substring(0, colon)), Integer.parseInt(portText));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Redis address \"" + text + "\" has an invalid port \"" + portText + "\"");
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
