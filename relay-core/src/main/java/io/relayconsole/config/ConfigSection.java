package io.relayconsole.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.relayconsole.config.ValueType.*;

/**
 * Every section and key the loader accepts: all of ld-relay v8's, plus this relay's extensions
 * ({@code [Main] upstreamMode/pollInterval}, {@code [Redis] sentinelMasterId/cluster}, {@code [Simulator]}).
 * Section and key names match case-insensitively, as in gcfg.
 */
enum ConfigSection {
    MAIN("Main", false,
            k("streamUri", "STREAM_URI", ABSOLUTE_URI),
            k("baseUri", "BASE_URI", ABSOLUTE_URI),
            k("clientSideBaseUri", "CLIENT_SIDE_BASE_URI", ABSOLUTE_URI),
            k("exitOnError", "EXIT_ON_ERROR", BOOL),
            k("exitAlways", "EXIT_ALWAYS", BOOL),
            k("ignoreConnectionErrors", "IGNORE_CONNECTION_ERRORS", BOOL),
            k("port", "PORT", PORT),
            k("initTimeout", "INIT_TIMEOUT", DURATION),
            k("heartbeatInterval", "HEARTBEAT_INTERVAL", POSITIVE_DURATION),
            k("maxClientConnectionTime", "MAX_CLIENT_CONNECTION_TIME", POSITIVE_DURATION),
            k("disconnectedStatusTime", "DISCONNECTED_STATUS_TIME", DURATION),
            k("tlsEnabled", "TLS_ENABLED", BOOL),
            k("tlsCert", "TLS_CERT", STRING),
            k("tlsKey", "TLS_KEY", STRING),
            k("tlsMinVersion", "TLS_MIN_VERSION", TLS_VERSION),
            k("logLevel", "LOG_LEVEL", LOG_LEVEL),
            k("bigSegmentsStaleAsDegraded", "BIG_SEGMENTS_STALE_AS_DEGRADED", BOOL),
            k("bigSegmentsStaleThreshold", "BIG_SEGMENTS_STALE_THRESHOLD", POSITIVE_DURATION),
            k("expiredCredentialCleanupInterval", "EXPIRED_CREDENTIAL_CLEANUP_INTERVAL", POSITIVE_DURATION),
            k("upstreamMode", "UPSTREAM_MODE", UPSTREAM_MODE),
            k("pollInterval", "POLL_INTERVAL", POSITIVE_DURATION),
            k("requestHeaderTimeout", "REQUEST_HEADER_TIMEOUT", POSITIVE_DURATION),
            k("idleConnectionTimeout", "IDLE_CONNECTION_TIMEOUT", POSITIVE_DURATION),
            k("maxConnections", "MAX_CONNECTIONS", POSITIVE_INT),
            k("exitOnNoData", "EXIT_ON_NO_DATA", BOOL)),
    EVENTS("Events", false,
            k("sendEvents", "USE_EVENTS", BOOL),
            k("eventsUri", "EVENTS_HOST", ABSOLUTE_URI),
            k("flushInterval", "EVENTS_FLUSH_INTERVAL", POSITIVE_DURATION),
            k("capacity", "EVENTS_CAPACITY", POSITIVE_INT),
            k("inlineUsers", "EVENTS_INLINE_USERS", BOOL),
            k("maxInboundPayloadSize", "EVENTS_MAX_INBOUND_PAYLOAD_SIZE", POSITIVE_BYTE_SIZE),
            // Obsolete: accepted by name only so that it is rejected with a helpful message.
            k("samplingInterval", "EVENTS_SAMPLING_INTERVAL", STRING)),
    ENVIRONMENT("Environment", true,
            k("sdkKey", "LD_ENV_", STRING),
            k("mobileKey", "LD_MOBILE_KEY_", STRING),
            k("envId", "LD_CLIENT_SIDE_ID_", STRING),
            k("prefix", "LD_PREFIX_", STRING),
            k("tableName", "LD_TABLE_NAME_", STRING),
            k("allowedOrigin", "LD_ALLOWED_ORIGIN_", LIST),
            k("allowedHeader", "LD_ALLOWED_HEADER_", LIST),
            k("secureMode", "LD_SECURE_MODE_", BOOL),
            k("logLevel", "LD_LOG_LEVEL_", LOG_LEVEL),
            k("ttl", "LD_TTL_", DURATION),
            k("projKey", "LD_PROJ_KEY_", STRING)),
    REDIS("Redis", false,
            k("host", "REDIS_HOST", STRING),
            k("port", "REDIS_PORT", PORT),
            k("url", "REDIS_URL", ABSOLUTE_URI),
            k("tls", "REDIS_TLS", BOOL),
            k("username", "REDIS_USERNAME", STRING),
            k("password", "REDIS_PASSWORD", STRING),
            k("localTtl", "CACHE_TTL", SIGNED_DURATION),
            k("sentinelMasterId", "REDIS_SENTINEL_MASTER", STRING),
            k("cluster", "REDIS_CLUSTER", BOOL)),
    DYNAMODB("DynamoDB", false,
            k("enabled", "USE_DYNAMODB", BOOL),
            k("tableName", "DYNAMODB_TABLE", STRING),
            k("url", "DYNAMODB_URL", ABSOLUTE_URI),
            k("localTtl", "CACHE_TTL", SIGNED_DURATION)),
    CONSUL("Consul", false,
            k("host", "CONSUL_HOST", STRING),
            k("token", "CONSUL_TOKEN", STRING),
            k("tokenFile", "CONSUL_TOKEN_FILE", STRING),
            k("localTtl", "CACHE_TTL", SIGNED_DURATION)),
    PROXY("Proxy", false,
            k("url", "PROXY_URL", ABSOLUTE_URI),
            k("user", "PROXY_AUTH_USER", STRING),
            k("password", "PROXY_AUTH_PASSWORD", STRING),
            k("domain", "PROXY_AUTH_DOMAIN", STRING),
            k("ntlmAuth", "PROXY_AUTH_NTLM", BOOL),
            k("caCertFiles", "PROXY_CA_CERTS", LIST)),
    PROMETHEUS("Prometheus", false,
            k("enabled", "USE_PROMETHEUS", BOOL),
            k("port", "PROMETHEUS_PORT", PORT),
            k("prefix", "PROMETHEUS_PREFIX", STRING)),
    DATADOG("Datadog", false,
            k("enabled", "USE_DATADOG", BOOL),
            k("statsAddr", "DATADOG_STATS_ADDR", STRING),
            k("traceAddr", "DATADOG_TRACE_ADDR", STRING),
            k("tag", "DATADOG_TAG_", LIST_NO_SPLIT),
            k("prefix", "DATADOG_PREFIX", STRING)),
    STACKDRIVER("Stackdriver", false,
            k("enabled", "USE_STACKDRIVER", BOOL),
            k("projectID", "STACKDRIVER_PROJECT_ID", STRING),
            k("prefix", "STACKDRIVER_PREFIX", STRING)),
    FILTERS("Filters", true,
            k("keys", "LD_FILTER_KEYS_", LIST)),
    AUTO_CONFIG("AutoConfig", false,
            k("key", "AUTO_CONFIG_KEY", STRING),
            k("envDatastorePrefix", "ENV_DATASTORE_PREFIX", STRING),
            k("envDatastoreTableName", "ENV_DATASTORE_TABLE_NAME", STRING),
            k("envAllowedOrigin", "ENV_ALLOWED_ORIGIN", LIST),
            k("envAllowedHeader", "ENV_ALLOWED_HEADER", LIST)),
    OFFLINE_MODE("OfflineMode", false,
            k("fileDataSource", "FILE_DATA_SOURCE", STRING),
            k("fileDataSourceMonitoringInterval", "FILE_DATA_SOURCE_MONITORING_INTERVAL", POSITIVE_DURATION),
            k("envDatastorePrefix", "ENV_DATASTORE_PREFIX", STRING),
            k("envDatastoreTableName", "ENV_DATASTORE_TABLE_NAME", STRING),
            k("envAllowedOrigin", "ENV_ALLOWED_ORIGIN", LIST),
            k("envAllowedHeader", "ENV_ALLOWED_HEADER", LIST)),
    SIMULATOR("Simulator", false,
            k("enabled", "USE_SIMULATOR", BOOL),
            k("port", "SIMULATOR_PORT", PORT_OR_ZERO),
            k("workspace", "SIMULATOR_WORKSPACE", STRING));

    final String displayName;
    /** Whether the section takes a name: {@code [Environment "name"]}. */
    final boolean named;
    private final Map<String, ConfigKey> keysByLowerName;

    ConfigSection(String displayName, boolean named, ConfigKey... keys) {
        this.displayName = displayName;
        this.named = named;
        Map<String, ConfigKey> map = new LinkedHashMap<>();
        Arrays.stream(keys).forEach(key -> map.put(key.name().toLowerCase(Locale.ROOT), key));
        this.keysByLowerName = Collections.unmodifiableMap(map);
    }

    static Optional<ConfigSection> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.displayName.equalsIgnoreCase(name)).findFirst();
    }

    Optional<ConfigKey> key(String name) {
        return Optional.ofNullable(keysByLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The key by its canonical name; for code that names keys it knows exist. */
    ConfigKey requireKey(String name) {
        return key(name).orElseThrow(() -> new IllegalArgumentException("no key " + name + " in " + displayName));
    }

    Iterable<ConfigKey> keys() {
        return keysByLowerName.values();
    }

    /** How a section appears in messages: {@code [Main]} or {@code [Environment "prod"]}. */
    String label(String sectionName) {
        return sectionName == null ? "[" + displayName + "]" : "[" + displayName + " \"" + sectionName + "\"]";
    }

    private static ConfigKey k(String name, String envVar, ValueType type) {
        return new ConfigKey(name, envVar, type);
    }
}
