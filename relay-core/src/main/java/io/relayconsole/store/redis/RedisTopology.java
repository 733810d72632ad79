package io.relayconsole.store.redis;

/** How the Redis deployment is reached. */
public enum RedisTopology {
    /** One server (or a replica set addressed through its master). */
    STANDALONE,
    /** The master of a Sentinel-monitored group, found by asking the sentinels; follows failovers. */
    SENTINEL,
    /** A Redis Cluster, discovered from one or more seed nodes; keys are routed to their slot's master. */
    CLUSTER
}
