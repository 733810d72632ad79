package io.relayconsole.upstream;

/** The states of an upstream connection, as the LaunchDarkly SDKs name them. */
public enum DataSourceState {
    /** Not yet received a full data set. */
    INITIALIZING,
    /** Connected and up to date. */
    VALID,
    /** Was valid, lost the connection (or the store failed), retrying. */
    INTERRUPTED,
    /** Stopped for good: a credential was rejected, or the source was shut down. */
    OFF
}
