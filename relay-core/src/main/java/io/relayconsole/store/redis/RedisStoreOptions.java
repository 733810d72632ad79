package io.relayconsole.store.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the Redis store needs to connect: where Redis is (standalone, through Sentinel, or a Cluster),
 * credentials, database, key prefix and timeouts. Immutable; build it with {@link #builder()}.
 *
 * <p>Defaults: {@code redis://localhost:6379}, database 0, prefix {@code launchdarkly}, 2 s per command,
 * 2 s to connect, 4 connections for transactions.
 */
public final class RedisStoreOptions {
    public static final String DEFAULT_PREFIX = "launchdarkly";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_TRANSACTION_CONNECTIONS = 4;

    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@#]*?:)[^/@#]*@");
    private static final Pattern URL_SECRET_ONLY = Pattern.compile("(://)[^/:@#]+@");

    private final RedisTopology topology;
    private final List<RedisNode> nodes;
    private final String sentinelMasterId;
    private final String username;
    private final String password;
    private final int database;
    private final boolean tls;
    private final String prefix;
    private final Duration commandTimeout;
    private final Duration connectTimeout;
    private final int transactionConnections;

    private RedisStoreOptions(Builder b, RedisUrl url) {
        if (url != null) {
            topology = url.sentinel() ? RedisTopology.SENTINEL : (b.cluster ? RedisTopology.CLUSTER : RedisTopology.STANDALONE);
            nodes = url.nodes();
            sentinelMasterId = url.sentinelMasterId();
            username = b.username != null ? b.username : url.username();
            password = b.password != null ? b.password : url.password();
            database = b.database != null ? b.database : url.database();
            tls = b.tls || url.tls();
        } else {
            topology = b.topology;
            nodes = List.copyOf(b.nodes.isEmpty() ? List.of(new RedisNode(b.host, b.port)) : b.nodes);
            sentinelMasterId = b.sentinelMasterId;
            username = b.username;
            password = b.password;
            database = b.database != null ? b.database : 0;
            tls = b.tls;
        }
        prefix = b.prefix == null || b.prefix.isEmpty() ? DEFAULT_PREFIX : b.prefix;
        commandTimeout = b.commandTimeout;
        connectTimeout = b.connectTimeout;
        transactionConnections = b.transactionConnections;
        if (topology == RedisTopology.CLUSTER && database != 0) {
            throw new IllegalArgumentException("Redis Cluster has only database 0, but database " + database + " was configured");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public RedisTopology topology() {
        return topology;
    }

    /** The server (standalone), the sentinels (Sentinel) or the seed nodes (Cluster). */
    public List<RedisNode> nodes() {
        return nodes;
    }

    /** The monitored master's name; only for {@link RedisTopology#SENTINEL}. */
    public String sentinelMasterId() {
        return sentinelMasterId;
    }

    public String username() {
        return username;
    }

    /** The password, unmasked: only for connecting. Never log it; {@link #toString()} masks it. */
    public String password() {
        return password;
    }

    public int database() {
        return database;
    }

    public boolean tls() {
        return tls;
    }

    public String prefix() {
        return prefix;
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How many connections may run WATCH/MULTI/EXEC transactions at once (each transaction owns one). */
    public int transactionConnections() {
        return transactionConnections;
    }

    /**
     * Where the store points, with the password masked, e.g. {@code redis://user:***@host:6379/2},
     * {@code redis-sentinel://s1:26379,s2:26379#mymaster} or {@code redis-cluster://n1:7000,n2:7001}.
     */
    public String serverLabel() {
        String scheme = switch (topology) {
            case STANDALONE -> tls ? "rediss" : "redis";
            case SENTINEL -> tls ? "rediss-sentinel" : "redis-sentinel";
            case CLUSTER -> tls ? "rediss-cluster" : "redis-cluster";
        };
        StringBuilder sb = new StringBuilder(scheme).append("://");
        if (username != null || password != null) {
            sb.append(username != null ? username : "").append(password != null ? ":***" : "").append('@');
        }
        for (int i = 0; i < nodes.size(); i++) {
            sb.append(i > 0 ? "," : "").append(nodes.get(i));
        }
        if (database != 0) {
            sb.append('/').append(database);
        }
        if (sentinelMasterId != null) {
            sb.append('#').append(sentinelMasterId);
        }
        return sb.toString();
    }

    /** Replaces the password of a Redis URL (if any) with {@code ***}, for error messages about the URL itself. */
    static String maskUrlPassword(String url) {
        String masked = URL_PASSWORD.matcher(url).replaceFirst("$1***@");
        return masked.equals(url) ? URL_SECRET_ONLY.matcher(url).replaceFirst("$1***@") : masked;
    }

    @Override
    public String toString() {
        return "RedisStoreOptions{" + serverLabel() + ", prefix=" + prefix + ", commandTimeout=" + commandTimeout
                + ", connectTimeout=" + connectTimeout + ", transactionConnections=" + transactionConnections + "}";
    }

    /** Collects settings; {@link #build()} checks them and fails with a clear message on a bad combination. */
    public static final class Builder {
        private String url;
        private String host;
        private Integer portOrNull;
        private int port = RedisUrl.DEFAULT_PORT;
        private final List<RedisNode> nodes = new ArrayList<>();
        private RedisTopology topology = RedisTopology.STANDALONE;
        private boolean cluster;
        private String sentinelMasterId;
        private String username;
        private String password;
        private Integer database;
        private boolean tls;
        private String prefix;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int transactionConnections = DEFAULT_TRANSACTION_CONNECTIONS;

        private Builder() {
        }

        /** A {@code redis://}, {@code rediss://} or {@code redis-sentinel://...#master} URL; excludes host/port. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.portOrNull = port;
            return this;
        }

        /** Connects through Sentinel: the sentinels' addresses and the name of the master they monitor. */
        public Builder sentinel(String masterId, List<RedisNode> sentinels) {
            this.topology = RedisTopology.SENTINEL;
            this.sentinelMasterId = masterId;
            this.nodes.clear();
            this.nodes.addAll(sentinels);
            return this;
        }

        /** Connects to a Redis Cluster discovered from these seed nodes. */
        public Builder cluster(List<RedisNode> seedNodes) {
            this.topology = RedisTopology.CLUSTER;
            this.nodes.clear();
            this.nodes.addAll(seedNodes);
            return this;
        }

        /** Treats the server named by {@link #url} or host/port as a seed of a Redis Cluster. */
        public Builder cluster(boolean cluster) {
            this.cluster = cluster;
            if (cluster) {
                this.topology = RedisTopology.CLUSTER;
            } else if (topology == RedisTopology.CLUSTER) {
                this.topology = RedisTopology.STANDALONE;
            }
            return this;
        }

        /** Overrides a user name given in the URL (Redis 6 ACL user). */
        public Builder username(String username) {
            this.username = emptyToNull(username);
            return this;
        }

        /** Overrides a password given in the URL. */
        public Builder password(String password) {
            this.password = emptyToNull(password);
            return this;
        }

        public Builder database(int database) {
            this.database = database;
            return this;
        }

        /** Turns {@code redis://} into {@code rediss://} (as ld-relay's {@code tls} setting does). */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** Key prefix; empty or null means {@code launchdarkly}. The {@code :} separator is added by the store. */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** Longest wait for one command's reply before the operation fails with a StoreException. */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = timeout;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder transactionConnections(int count) {
            this.transactionConnections = count;
            return this;
        }

        public RedisStoreOptions build() {
            boolean hostOrPortSet = host != null || portOrNull != null;
            if (url != null && (hostOrPortSet || !nodes.isEmpty())) {
                throw new IllegalArgumentException("specify Redis URL or host/port, but not both");
            }
            if (hostOrPortSet && !nodes.isEmpty()) {
                throw new IllegalArgumentException("specify Redis host/port or a list of nodes, but not both");
            }
            if (topology == RedisTopology.SENTINEL && (sentinelMasterId == null || sentinelMasterId.isBlank())) {
                throw new IllegalArgumentException("Redis Sentinel needs the name of the monitored master");
            }
            if ((topology == RedisTopology.SENTINEL || (topology == RedisTopology.CLUSTER && !cluster)) && nodes.isEmpty()) {
                throw new IllegalArgumentException("Redis " + (topology == RedisTopology.SENTINEL ? "Sentinel" : "Cluster")
                        + " needs at least one node address");
            }
            requirePositive(commandTimeout, "command timeout");
            requirePositive(connectTimeout, "connect timeout");
            if (transactionConnections < 1) {
                throw new IllegalArgumentException("Redis transaction connections must be at least 1, was " + transactionConnections);
            }
            if (database != null && database < 0) {
                throw new IllegalArgumentException("Redis database number must not be negative, was " + database);
            }
            if (prefix != null && (prefix.contains("\n") || prefix.contains("\r"))) {
                throw new IllegalArgumentException("Redis prefix must not contain line breaks");
            }
            RedisUrl parsed = url != null ? RedisUrl.parse(url) : null;
            if (parsed == null) {
                host = host != null ? host : "localhost";
                port = portOrNull != null ? portOrNull : RedisUrl.DEFAULT_PORT;
            }
            return new RedisStoreOptions(this, parsed);
        }

        private static void requirePositive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("Redis " + what + " must be positive, was " + d);
            }
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
