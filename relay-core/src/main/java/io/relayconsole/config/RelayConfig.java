package io.relayconsole.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A whole, validated relay configuration. Built by {@link ConfigLoader} or programmatically.
 * {@code database} is the single persistent store, if any; {@code proxy}, {@code metrics} and {@code filters}
 * are read from ld-relay configurations but not acted on yet (the loader warns when they are set).
 */
public record RelayConfig(MainConfig main, EventsConfig events, List<EnvironmentConfig> environments,
                          Optional<DatabaseConfig> database, SimulatorConfig simulator, ProxyConfig proxy,
                          MetricsConfig metrics, List<FilterConfig> filters, OfflineConfig offline) {

    public RelayConfig {
        offline = offline == null ? OfflineConfig.disabled() : offline;
        environments = List.copyOf(environments);
        database = database == null ? Optional.empty() : database;
        simulator = simulator == null ? SimulatorConfig.disabled() : simulator;
        proxy = proxy == null ? ProxyConfig.none() : proxy;
        metrics = metrics == null ? MetricsConfig.disabled() : metrics;
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    /** Without offline mode. */
    public RelayConfig(MainConfig main, EventsConfig events, List<EnvironmentConfig> environments,
                       Optional<DatabaseConfig> database, SimulatorConfig simulator, ProxyConfig proxy,
                       MetricsConfig metrics, List<FilterConfig> filters) {
        this(main, events, environments, database, simulator, proxy, metrics, filters, null);
    }

    /** Main, events and environments only: no database, simulator, proxy, metrics or filters. */
    public RelayConfig(MainConfig main, EventsConfig events, List<EnvironmentConfig> environments) {
        this(main, events, environments, Optional.empty(), null, null, null, null);
    }

    public static RelayConfig of(MainConfig main, List<EnvironmentConfig> environments) {
        return new RelayConfig(main, EventsConfig.defaults(), environments);
    }

    public RelayConfig withMain(MainConfig newMain) {
        return new RelayConfig(newMain, events, environments, database, simulator, proxy, metrics, filters, offline);
    }

    public RelayConfig withDatabase(DatabaseConfig newDatabase) {
        return new RelayConfig(main, events, environments, Optional.ofNullable(newDatabase), simulator, proxy,
                metrics, filters, offline);
    }

    public RelayConfig withSimulator(SimulatorConfig newSimulator) {
        return new RelayConfig(main, events, environments, database, newSimulator, proxy, metrics, filters, offline);
    }

    public RelayConfig withEvents(EventsConfig newEvents) {
        return new RelayConfig(main, newEvents, environments, database, simulator, proxy, metrics, filters, offline);
    }

    public RelayConfig withEnvironments(List<EnvironmentConfig> newEnvironments) {
        return new RelayConfig(main, events, newEnvironments, database, simulator, proxy, metrics, filters, offline);
    }

    public RelayConfig withOffline(OfflineConfig newOffline) {
        return new RelayConfig(main, events, environments, database, simulator, proxy, metrics, filters, newOffline);
    }

    /** The Redis settings when Redis is the database. */
    public Optional<RedisConfig> redis() {
        return database.filter(RedisConfig.class::isInstance).map(RedisConfig.class::cast);
    }

    public Optional<DynamoDbConfig> dynamoDb() {
        return database.filter(DynamoDbConfig.class::isInstance).map(DynamoDbConfig.class::cast);
    }

    public Optional<ConsulConfig> consul() {
        return database.filter(ConsulConfig.class::isInstance).map(ConsulConfig.class::cast);
    }

    /**
     * Once the built-in simulator listens at {@code simulatorUri}, points the upstream URIs (events included, so
     * the simulator shows what SDKs send) at it, except those the operator set explicitly. Unchanged when the
     * simulator is disabled.
     */
    public RelayConfig withSimulatorAt(URI simulatorUri) {
        if (!simulator.enabled()) {
            return this;
        }
        return withMain(main.withUpstream(simulator.replaceStreamUri() ? simulatorUri : main.streamUri(),
                simulator.replaceBaseUri() ? simulatorUri : main.baseUri()))
                .withEvents(simulator.replaceEventsUri() ? events.withEventsUri(simulatorUri) : events);
    }
}
