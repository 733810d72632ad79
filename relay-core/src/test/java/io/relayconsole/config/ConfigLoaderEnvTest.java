package io.relayconsole.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.relayconsole.config.ConfigTestSupport.ONE_ENV;
import static io.relayconsole.config.ConfigTestSupport.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

class ConfigLoaderEnvTest {

    private static RelayConfig fromEnv(Map<String, String> env) {
        return ConfigLoader.load(null, false, env, true).config();
    }

    private static RelayConfig fileAndEnv(String text, Map<String, String> env) {
        return ConfigLoader.parse("relay.conf", text, env).config();
    }

    @Test
    void mainAndEventsVariablesAreRead() {
        RelayConfig config = fromEnv(Map.ofEntries(
                Map.entry("LD_ENV_prod", "sdk-prod-1234567890"),
                Map.entry("PORT", "9090"),
                Map.entry("STREAM_URI", "http://127.0.0.1:7000"),
                Map.entry("BASE_URI", "http://127.0.0.1:7001"),
                Map.entry("INIT_TIMEOUT", "500ms"),
                Map.entry("HEARTBEAT_INTERVAL", "15s"),
                Map.entry("MAX_CLIENT_CONNECTION_TIME", "1h"),
                Map.entry("DISCONNECTED_STATUS_TIME", "2m"),
                Map.entry("LOG_LEVEL", "error"),
                Map.entry("EXIT_ON_ERROR", "1"),
                Map.entry("EXIT_ALWAYS", "true"),
                Map.entry("IGNORE_CONNECTION_ERRORS", "true"),
                Map.entry("TLS_ENABLED", "true"),
                Map.entry("TLS_CERT", "/c.pem"),
                Map.entry("TLS_KEY", "/k.pem"),
                Map.entry("TLS_MIN_VERSION", "1.3"),
                Map.entry("UPSTREAM_MODE", "polling"),
                Map.entry("POLL_INTERVAL", "5s"),
                Map.entry("USE_EVENTS", "false"),
                Map.entry("EVENTS_HOST", "http://127.0.0.1:7002"),
                Map.entry("EVENTS_FLUSH_INTERVAL", "1s"),
                Map.entry("EVENTS_CAPACITY", "10"),
                Map.entry("EVENTS_MAX_INBOUND_PAYLOAD_SIZE", "1MiB"),
                Map.entry("USE_SIMULATOR", "true"),
                Map.entry("SIMULATOR_PORT", "0")));
        MainConfig main = config.main();
        assertThat(main.port()).isEqualTo(9090);
        assertThat(main.streamUri()).isEqualTo(URI.create("http://127.0.0.1:7000"));
        assertThat(main.baseUri()).isEqualTo(URI.create("http://127.0.0.1:7001"));
        assertThat(main.initTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(main.heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(main.maxClientConnectionTime()).isEqualTo(Duration.ofHours(1));
        assertThat(main.disconnectedStatusTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(main.logLevel()).isEqualTo("error");
        assertThat(main.exitOnError()).isTrue();
        assertThat(main.exitAlways()).isTrue();
        assertThat(main.ignoreConnectionErrors()).isTrue();
        assertThat(main.tls()).isEqualTo(new TlsConfig(true, "/c.pem", "/k.pem", "1.3"));
        assertThat(main.upstreamMode()).isEqualTo(MainConfig.UpstreamMode.POLLING);
        assertThat(main.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.events()).isEqualTo(new EventsConfig(false, URI.create("http://127.0.0.1:7002"),
                Duration.ofSeconds(1), 10, false, 1024 * 1024));
        // Both upstream URIs were set explicitly, so the simulator replaces neither.
        assertThat(config.simulator()).isEqualTo(new SimulatorConfig(true, 0, false, false));
    }

    @Test
    void variablesOverrideTheFile() {
        RelayConfig config = fileAndEnv("[Main]\nport = 8000\nlogLevel = debug\n" + ONE_ENV,
                Map.of("PORT", "8001"));
        assertThat(config.main().port()).isEqualTo(8001);
        assertThat(config.main().logLevel()).isEqualTo("debug");
    }

    @Test
    void emptyVariablesCountAsUnset() {
        assertThat(fileAndEnv("[Main]\nport = 8000\n" + ONE_ENV, Map.of("PORT", "")).main().port()).isEqualTo(8000);
    }

    @Test
    void ldEnvVariablesDiscoverEnvironmentsWithTheirSettings() {
        RelayConfig config = fromEnv(Map.ofEntries(
                Map.entry("LD_ENV_staging", "sdk-staging-123456"),
                Map.entry("LD_ENV_prod", "sdk-prod-1234567890"),
                Map.entry("LD_MOBILE_KEY_prod", "mob-prod-1234567890"),
                Map.entry("LD_CLIENT_SIDE_ID_prod", "5f00aa"),
                Map.entry("LD_PREFIX_prod", "p-prod"),
                Map.entry("LD_TABLE_NAME_prod", "t-prod"),
                Map.entry("LD_ALLOWED_ORIGIN_prod", "https://a.example.com,https://b.example.com"),
                Map.entry("LD_ALLOWED_HEADER_prod", "X-A, X-B"),
                Map.entry("LD_SECURE_MODE_prod", "true"),
                Map.entry("LD_LOG_LEVEL_prod", "warn"),
                Map.entry("LD_TTL_prod", "5m"),
                Map.entry("LD_PROJ_KEY_prod", "proj"),
                Map.entry("LD_PREFIX_staging", "p-staging")));
        assertThat(config.environments()).extracting(EnvironmentConfig::name).containsExactly("prod", "staging");
        assertThat(config.environments().get(0)).isEqualTo(new EnvironmentConfig("prod", "sdk-prod-1234567890",
                "mob-prod-1234567890", "5f00aa", "p-prod", "t-prod",
                List.of("https://a.example.com", "https://b.example.com"), List.of("X-A", "X-B"), true, "warn",
                Duration.ofMinutes(5), "proj"));
    }

    @Test
    void environmentVariablesExtendFileEnvironmentsOfTheSameName() {
        RelayConfig config = fileAndEnv(ONE_ENV + "prefix = from-file\n",
                Map.of("LD_ENV_prod", "sdk-override-123456", "LD_MOBILE_KEY_prod", "mob-x-1234567890"));
        assertThat(config.environments()).hasSize(1);
        EnvironmentConfig env = config.environments().get(0);
        assertThat(env.sdkKey()).isEqualTo("sdk-override-123456");
        assertThat(env.mobileKey()).isEqualTo("mob-x-1234567890");
        assertThat(env.prefix()).isEqualTo("from-file");
    }

    @Test
    void useRedisAloneMeansLocalhost() {
        RelayConfig config = fromEnv(Map.of("LD_ENV_prod", "sdk-prod-1234567890", "USE_REDIS", "1"));
        assertThat(config.redis().orElseThrow().url()).isEqualTo(URI.create("redis://localhost:6379"));
        assertThat(config.redis().orElseThrow().localTtl()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void redisPortInDockerLinkFormSetsHostAndPort() {
        RelayConfig config = fromEnv(Map.of("LD_ENV_prod", "sdk-prod-1234567890", "USE_REDIS", "true",
                "REDIS_PORT", "tcp://172.17.0.2:6380"));
        assertThat(config.redis().orElseThrow().url()).isEqualTo(URI.create("redis://172.17.0.2:6380"));
    }

    @Test
    void redisVariablesAreRead() {
        RelayConfig config = fromEnv(Map.of("LD_ENV_prod", "sdk-prod-1234567890", "USE_REDIS", "true",
                "REDIS_HOST", "cache", "REDIS_PORT", "7000", "REDIS_TLS", "true", "REDIS_USERNAME", "u",
                "REDIS_PASSWORD", "pw", "CACHE_TTL", "0s", "REDIS_CLUSTER", "true"));
        assertThat(config.redis()).contains(new RedisConfig(URI.create("rediss://cache:7000"), true, "u", "pw",
                Duration.ZERO, null, true));
        RelayConfig sentinel = fromEnv(Map.of("LD_ENV_prod", "sdk-prod-1234567890", "USE_REDIS", "true",
                "REDIS_URL", "redis://127.0.0.1:26379", "REDIS_SENTINEL_MASTER", "mymaster"));
        assertThat(sentinel.redis().orElseThrow().sentinelMasterId()).isEqualTo("mymaster");
    }

    @Test
    void redisVariablesWithoutUseRedisAreIgnored() {
        assertThat(fromEnv(Map.of("LD_ENV_prod", "sdk-prod-1234567890", "REDIS_HOST", "cache")).database())
                .isEmpty();
    }

    @Test
    void redisVariablesApplyWhenTheFileEnabledRedis() {
        RelayConfig config = fileAndEnv("[Redis]\nhost = from-file\n" + ONE_ENV, Map.of("REDIS_HOST", "from-env"));
        assertThat(config.redis().orElseThrow().url()).isEqualTo(URI.create("redis://from-env:6379"));
    }

    @Test
    void dynamoDbAndConsulVariablesAreRead() {
        RelayConfig dynamo = fromEnv(Map.of("LD_ENV_prod", "sdk-prod-1234567890", "USE_DYNAMODB", "true",
                "DYNAMODB_TABLE", "flags", "DYNAMODB_URL", "http://127.0.0.1:8000", "CACHE_TTL", "-1s"));
        assertThat(dynamo.database()).contains(new DynamoDbConfig("flags", URI.create("http://127.0.0.1:8000"),
                Duration.ofSeconds(-1)));
        RelayConfig consul = fromEnv(Map.of("LD_ENV_prod", "sdk-prod-1234567890", "USE_CONSUL", "true",
                "CONSUL_TOKEN_FILE", "/run/token"));
        assertThat(consul.database()).contains(new ConsulConfig("localhost", null, "/run/token",
                Duration.ofSeconds(30)));
    }

    @Test
    void metricsProxyAndFilterVariablesAreRead() {
        LoadedConfig loaded = ConfigLoader.load(null, false, Map.of(
                "LD_ENV_prod", "sdk-prod-1234567890", "LD_PROJ_KEY_prod", "proj",
                "USE_DATADOG", "true", "DATADOG_TAG_team", "flags", "DATADOG_STATS_ADDR", "127.0.0.1:8125",
                "PROXY_URL", "http://127.0.0.1:3128", "PROXY_CA_CERTS", "/a.pem,/b.pem",
                "LD_FILTER_KEYS_proj", "web,mobile"), true);
        RelayConfig config = loaded.config();
        assertThat(config.metrics().datadog()).isEqualTo(new MetricsConfig.Datadog(true, "127.0.0.1:8125", null,
                List.of("team:flags"), null));
        assertThat(config.proxy().caCertFiles()).containsExactly("/a.pem", "/b.pem");
        assertThat(config.filters()).containsExactly(new FilterConfig("proj", List.of("web", "mobile")));
        assertThat(loaded.notices()).extracting(ConfigNotice::describe).contains(
                "environment variable USE_DATADOG: Datadog metrics export is not supported yet; no metrics are sent",
                "environment variable PROXY_URL: outbound HTTP proxies are not supported yet;"
                        + " upstream connections are made directly");
    }

    @Test
    void badVariablesAreReportedByName() {
        assertThat(problemsOf(ONE_ENV, Map.of("INIT_TIMEOUT", "ten", "PORT", "0", "USE_REDIS", "sure")))
                .containsExactlyInAnyOrder(
                        "environment variable INIT_TIMEOUT: \"ten\" is not a duration (expected e.g. 10s, 500ms, 1m30s)",
                        "environment variable PORT: \"0\" is not a valid port (expected 1 to 65535)",
                        "environment variable USE_REDIS: \"sure\" is not a boolean (expected true or false)");
    }

    @Test
    void obsoleteVariablesAreRejected() {
        assertThat(problemsOf(ONE_ENV, Map.of("REDIS_TTL", "30s", "EVENTS_SAMPLING_INTERVAL", "10",
                "LD_TTL_MINUTES_prod", "5"))).containsExactlyInAnyOrder(
                "environment variable REDIS_TTL: this variable is no longer supported; use CACHE_TTL",
                "environment variable EVENTS_SAMPLING_INTERVAL: event sampling is no longer supported;"
                        + " remove this setting",
                "environment variable LD_TTL_MINUTES_prod: this variable is no longer supported;"
                        + " use LD_TTL_prod with a duration such as 5m");
    }

    @Test
    void aMalformedDockerRedisPortIsReported() {
        assertThat(problemsOf(ONE_ENV, Map.of("USE_REDIS", "1", "REDIS_PORT", "tcp://nohost")))
                .containsExactly("environment variable REDIS_PORT: \"tcp://nohost\" is neither a port nor"
                        + " tcp://host:port");
    }
}
