package io.relayconsole.bigsegments;

/** What an environment's big-segment synchronizer is doing. */
public enum SyncState {
    /** No unbounded segment in the data yet: nothing to synchronize. */
    IDLE,
    /** Catching up with {@code /sdk/big-segments/revisions}. */
    POLLING,
    /** Up to date, following {@code /big-segments}. */
    STREAMING,
    /** The last attempt failed; retrying after a backoff. */
    ERROR,
    /** The environment is stopped, and its synchronizer with it. */
    STOPPED,
    /** The data holds big segments but the store cannot hold them (Consul, in-memory, Redis Cluster). */
    UNSUPPORTED
}
