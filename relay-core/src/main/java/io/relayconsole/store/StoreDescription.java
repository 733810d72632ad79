package io.relayconsole.store;

/**
 * How a store is described in {@code /status} ({@code database}, {@code dbServer}, {@code dbPrefix},
 * {@code dbTable}) and in the console. Null fields are omitted. Passwords must already be masked.
 */
public record StoreDescription(String database, String dbServer, String dbPrefix, String dbTable) {
    public static final StoreDescription IN_MEMORY = new StoreDescription(null, null, null, null);

    public boolean isPersistent() {
        return database != null;
    }

    /** A short label for logs and the console, e.g. {@code redis redis://localhost:6379 (prefix launchdarkly)}. */
    public String label() {
        if (!isPersistent()) {
            return "in-memory";
        }
        StringBuilder sb = new StringBuilder(database);
        if (dbServer != null) {
            sb.append(' ').append(dbServer);
        }
        if (dbTable != null) {
            sb.append(" table ").append(dbTable);
        }
        if (dbPrefix != null && !dbPrefix.isEmpty()) {
            sb.append(" (prefix ").append(dbPrefix).append(')');
        }
        return sb.toString();
    }
}
