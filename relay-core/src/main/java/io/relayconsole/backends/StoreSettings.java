package io.relayconsole.backends;

/**
 * A store described as a person or a configuration file gives it, before anything connects: what the console's store
 * form produces and what {@link StoreBackends#create(StoreSettings)} turns into a store. Blank strings and
 * non-positive ports mean "the default" (see {@link StoreBackends}); a null prefix means the backend's own default.
 * Passwords and tokens are never printed by {@link #toString()}.
 */
public sealed interface StoreSettings {

    /** The relay's memory only: no database. */
    record InMemory() implements StoreSettings {
    }

    /**
     * Redis, standalone or a Cluster seed at {@code url} (or {@code host}:{@code port}); with {@code sentinelMaster}
     * the host and port are a Sentinel's.
     */
    record Redis(String url, String host, int port, String username, String password, boolean tls,
                 String sentinelMaster, boolean cluster, String prefix) implements StoreSettings {

        /** A standalone Redis at a {@code redis://} URL. */
        public static Redis at(String url, String prefix) {
            return new Redis(url, null, -1, null, null, false, null, false, prefix);
        }

        @Override
        public String toString() {
            return "Redis{url=" + url + ", host=" + host + ", port=" + port + ", tls=" + tls + ", sentinelMaster="
                    + sentinelMaster + ", cluster=" + cluster + ", prefix=" + prefix + "}";
        }
    }

    /** DynamoDB: a table, at AWS or at an explicit {@code endpoint} (e.g. a local DynamoDB-compatible server). */
    record DynamoDb(String table, String endpoint, String region, String prefix) implements StoreSettings {
    }

    /** A Consul agent's KV store. */
    record Consul(String url, String token, String prefix) implements StoreSettings {
        @Override
        public String toString() {
            return "Consul{url=" + url + ", prefix=" + prefix + "}";
        }
    }
}
