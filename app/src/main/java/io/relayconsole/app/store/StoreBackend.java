package io.relayconsole.app.store;

/** The stores an environment can be switched to. */
public enum StoreBackend {
    NONE("None (in memory)"), REDIS("Redis"), DYNAMODB("DynamoDB"), CONSUL("Consul");

    private final String label;

    StoreBackend(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
