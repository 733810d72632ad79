package io.relayconsole.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.relayconsole.config.ConfigTestSupport.ONE_ENV;
import static io.relayconsole.config.ConfigTestSupport.problemsOf;
import static io.relayconsole.config.ConfigTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderFileTest {

    private static RelayConfig load(String text) {
        return ConfigLoader.parse("relay.conf", text).config();
    }

    @Test
    void aMinimalFileGetsLdRelaysDefaults() {
        RelayConfig config = load(ONE_ENV);
        MainConfig main = config.main();
        assertThat(main.port()).isEqualTo(8030);
        assertThat(main.streamUri()).isEqualTo(URI.create("https://stream.launchdarkly.com"));
        assertThat(main.baseUri()).isEqualTo(URI.create("https://sdk.launchdarkly.com"));
        assertThat(main.clientSideBaseUri()).isEqualTo(URI.create("https://clientsdk.launchdarkly.com"));
        assertThat(main.initTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(main.heartbeatInterval()).isEqualTo(Duration.ofMinutes(3));
        assertThat(main.disconnectedStatusTime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(main.maxClientConnectionTime()).isNull();
        assertThat(main.logLevel()).isEqualTo("info");
        assertThat(main.upstreamMode()).isEqualTo(MainConfig.UpstreamMode.STREAMING);
        assertThat(main.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(main.tls().enabled()).isFalse();
        assertThat(config.events()).isEqualTo(EventsConfig.defaults());
        assertThat(config.database()).isEmpty();
        assertThat(config.simulator().enabled()).isFalse();
        assertThat(config.environments()).containsExactly(EnvironmentConfig.of("prod", "sdk-prod-1234567890"));
    }

    @Test
    void theFullLdRelaySampleLoads() {
        LoadedConfig loaded = ConfigLoader.parse("ld-relay-full.conf", resource("ld-relay-full.conf"));
        RelayConfig config = loaded.config();

        MainConfig main = config.main();
        assertThat(main.streamUri()).isEqualTo(URI.create("https://stream.example.com"));
        assertThat(main.baseUri()).isEqualTo(URI.create("https://sdk.example.com"));
        assertThat(main.clientSideBaseUri()).isEqualTo(URI.create("https://clientsdk.example.com"));
        assertThat(main.ignoreConnectionErrors()).isTrue();
        assertThat(main.port()).isEqualTo(8040);
        assertThat(main.initTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(main.heartbeatInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(main.maxClientConnectionTime()).isEqualTo(Duration.ofHours(2));
        assertThat(main.disconnectedStatusTime()).isEqualTo(Duration.ofSeconds(90));
        assertThat(main.tls()).isEqualTo(new TlsConfig(true, "/etc/relay/cert.pem", "/etc/relay/key.pem", "1.2"));
        assertThat(main.logLevel()).isEqualTo("warn");
        assertThat(main.bigSegmentsStaleAsDegraded()).isTrue();
        assertThat(main.bigSegmentsStaleThreshold()).isEqualTo(Duration.ofMinutes(10));
        assertThat(main.expiredCredentialCleanupInterval()).isEqualTo(Duration.ofSeconds(30));

        assertThat(config.events()).isEqualTo(new EventsConfig(true, URI.create("https://events.example.com"),
                Duration.ofSeconds(10), 5000, false, 100L * 1024 * 1024));

        assertThat(config.database()).containsInstanceOf(RedisConfig.class);
        RedisConfig redis = config.redis().orElseThrow();
        assertThat(redis.url()).isEqualTo(URI.create("rediss://redis.internal:6380"));
        assertThat(redis.tls()).isTrue();
        assertThat(redis.username()).isEqualTo("relay");
        assertThat(redis.password()).isEqualTo("s3cr3t;not-a-comment");
        assertThat(redis.localTtl()).isEqualTo(Duration.ofSeconds(-1));

        assertThat(config.proxy().url()).isEqualTo(URI.create("http://proxy.internal:3128"));
        assertThat(config.proxy().caCertFiles()).containsExactly("/etc/ssl/proxy-ca.pem", "/etc/ssl/other-ca.pem");
        assertThat(config.metrics().prometheus()).isEqualTo(new MetricsConfig.Prometheus(true, 9100, "relay"));
        assertThat(config.metrics().datadog().tags()).containsExactly("team:flags", "region:eu");
        assertThat(config.metrics().stackdriver().projectId()).isEqualTo("my-gcp-project");
        assertThat(config.filters()).containsExactly(new FilterConfig("default", List.of("mobile", "web")));

        assertThat(config.environments()).extracting(EnvironmentConfig::name).containsExactly("Production", "Staging");
        EnvironmentConfig prod = config.environments().get(0);
        assertThat(prod).isEqualTo(new EnvironmentConfig("Production", "sdk-11111111-2222-3333-4444-555555555555",
                "mob-11111111-2222-3333-4444-555555555555", "5f0000000000000000000001", "ld-prod", null,
                List.of("https://app.example.com", "https://admin.example.com"), List.of("X-Custom"), true, "debug",
                Duration.ofMinutes(5), "default"));
        EnvironmentConfig staging = config.environments().get(1);
        assertThat(staging.sdkKey()).isEqualTo("sdk-66666666-7777-8888-9999-000000000000");
        assertThat(staging.envId()).isEqualTo("5f0000000000000000000002");

        // Valid ld-relay features this relay does not implement load with warnings that say where they are set;
        // [Prometheus] is implemented (io.relayconsole.metrics), so it loads without one.
        assertThat(loaded.notices()).extracting(ConfigNotice::describe).containsExactlyInAnyOrder(
                "ld-relay-full.conf:85: [Filters \"default\"] keys: payload filters are not supported yet; no filtered environments are created",
                "ld-relay-full.conf:52: [Proxy] url: outbound HTTP proxies are not supported yet; upstream connections are made directly");
        assertThat(loaded.notices()).allMatch(n -> n.level() == ConfigNotice.Level.WARN);
    }

    @Test
    void sectionAndKeyNamesIgnoreCaseButEnvironmentNamesKeepIt() {
        RelayConfig config = load("""
                [MAIN]
                PORT = 9000
                InitTimeout = 2s
                [environment "Prod"]
                SdkKey = sdk-a-1234567890
                [ENVIRONMENT "prod"]
                sdkkey = sdk-b-1234567890
                prefix = p2
                [Environment "Prod"]
                PREFIX = p1
                """);
        assertThat(config.main().port()).isEqualTo(9000);
        assertThat(config.main().initTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.environments()).extracting(EnvironmentConfig::name, EnvironmentConfig::prefix)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Prod", "p1"),
                        org.assertj.core.groups.Tuple.tuple("prod", "p2"));
    }

    @Test
    void repeatedKeysBuildListsAndCommaListsAreSplit() {
        RelayConfig config = load(ONE_ENV + """
                allowedOrigin = https://a.example.com
                allowedOrigin = https://b.example.com, https://c.example.com
                allowedHeader = X-One
                """);
        assertThat(config.environments().get(0).allowedOrigin())
                .containsExactly("https://a.example.com", "https://b.example.com", "https://c.example.com");
        assertThat(config.environments().get(0).allowedHeader()).containsExactly("X-One");
    }

    @Test
    void aRepeatedSingleValueKeyTakesTheLastValue() {
        assertThat(load("[Main]\nport = 1000\nport = 2000\n" + ONE_ENV).main().port()).isEqualTo(2000);
    }

    @Test
    void aBareKeyMeansTrueAndAnEmptyValueMeansUnset() {
        RelayConfig config = load("[Main]\nexitOnError\nignoreConnectionErrors =\nport =\n" + ONE_ENV);
        assertThat(config.main().exitOnError()).isTrue();
        assertThat(config.main().ignoreConnectionErrors()).isFalse();
        assertThat(config.main().port()).isEqualTo(8030);
    }

    @Test
    void quotedValuesAndCommentsAreHandled() {
        RelayConfig config = load("""
                ; leading comment
                [Main]   # section comment
                logLevel = "Debug"   ; trailing comment
                [Environment "with spaces"]
                sdkKey = "sdk-key#with;marks"
                """);
        assertThat(config.main().logLevel()).isEqualTo("debug");
        assertThat(config.environments().get(0).name()).isEqualTo("with spaces");
        assertThat(config.environments().get(0).sdkKey()).isEqualTo("sdk-key#with;marks");
    }

    @Test
    void ourUpstreamModeExtensionIsRead() {
        RelayConfig config = load("[Main]\nupstreamMode = Polling\npollInterval = 45s\n" + ONE_ENV);
        assertThat(config.main().upstreamMode()).isEqualTo(MainConfig.UpstreamMode.POLLING);
        assertThat(config.main().pollInterval()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void theOldDefaultBaseUriIsMovedToTheNewOne() {
        RelayConfig config = load("[Main]\nbaseUri = https://app.launchdarkly.com/\n" + ONE_ENV);
        assertThat(config.main().baseUri()).isEqualTo(MainConfig.DEFAULT_BASE_URI);
        assertThat(config.main().clientSideBaseUri()).isEqualTo(MainConfig.DEFAULT_CLIENT_SIDE_BASE_URI);
    }

    @Test
    void aCustomBaseUriIsAlsoTheClientSideBaseUri() {
        RelayConfig config = load("[Main]\nbaseUri = https://ld.private.example.com\n" + ONE_ENV);
        assertThat(config.main().clientSideBaseUri()).isEqualTo(URI.create("https://ld.private.example.com"));
    }

    @Test
    void theSimulatorReplacesOnlyUpstreamUrisThatWereNotSet() {
        RelayConfig config = load("[Simulator]\nenabled = true\nport = 9999\n[Main]\nbaseUri = https://sdk.example.com\n"
                + ONE_ENV);
        assertThat(config.simulator()).isEqualTo(new SimulatorConfig(true, 9999, true, false, true));
        RelayConfig pointed = config.withSimulatorAt(URI.create("http://127.0.0.1:9999"));
        assertThat(pointed.main().streamUri()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(pointed.main().baseUri()).isEqualTo(URI.create("https://sdk.example.com"));
        assertThat(pointed.events().eventsUri()).as("events go to the simulator too").isEqualTo(
                URI.create("http://127.0.0.1:9999"));
        RelayConfig ownEvents = load("[Simulator]\nenabled = true\n[Events]\neventsUri = https://ev.example.com\n"
                + ONE_ENV);
        assertThat(ownEvents.withSimulatorAt(URI.create("http://127.0.0.1:1")).events().eventsUri())
                .isEqualTo(URI.create("https://ev.example.com"));
        assertThat(load(ONE_ENV).withSimulatorAt(URI.create("http://127.0.0.1:1")).main().streamUri())
                .isEqualTo(MainConfig.DEFAULT_STREAM_URI);
    }

    @Test
    void dynamoDbAndConsulAreRead() {
        RelayConfig dynamo = load("[DynamoDB]\nenabled = true\ntableName = flags\nurl = http://127.0.0.1:8000\n"
                + ONE_ENV);
        assertThat(dynamo.database()).contains(new DynamoDbConfig("flags", URI.create("http://127.0.0.1:8000"),
                Duration.ofSeconds(30)));
        RelayConfig consul = load("[Consul]\nhost = consul.internal:8500\ntoken = t0k3n\nlocalTtl = 0s\n" + ONE_ENV);
        assertThat(consul.database()).contains(new ConsulConfig("consul.internal:8500", "t0k3n", null, Duration.ZERO));
    }

    @Test
    void redisExtensionsForSentinelAndClusterAreRead() {
        RelayConfig sentinel = load("[Redis]\nurl = redis://127.0.0.1:26379\nsentinelMasterId = mymaster\n" + ONE_ENV);
        assertThat(sentinel.redis().orElseThrow().sentinelMasterId()).isEqualTo("mymaster");
        RelayConfig cluster = load("[Redis]\nhost = 127.0.0.1\nport = 7000\ncluster = true\n" + ONE_ENV);
        assertThat(cluster.redis().orElseThrow().cluster()).isTrue();
        assertThat(cluster.redis().orElseThrow().url()).isEqualTo(URI.create("redis://127.0.0.1:7000"));
    }

    @Test
    void redisHostAloneGetsTheDefaultPort() {
        assertThat(load("[Redis]\nhost = cache.internal\n" + ONE_ENV).redis().orElseThrow().url())
                .isEqualTo(URI.create("redis://cache.internal:6379"));
    }

    @Test
    void unknownSectionsAndKeysAreReportedAsMisspelled() {
        assertThat(problemsOf("[Mian]\nport = 1\n[Main]\ninitTimout = 1s\nfoo = 2\n" + ONE_ENV)).containsExactly(
                "relay.conf:1: [Mian]: unsupported or misspelled section (did you mean [Main]?)",
                "relay.conf:4: [Main] initTimout: unsupported or misspelled setting (did you mean initTimeout?)",
                "relay.conf:5: [Main] foo: unsupported or misspelled setting");
    }

    @Test
    void namedAndUnnamedSectionsMustBeWrittenTheirWay() {
        assertThat(problemsOf("[Environment]\nsdkKey = x\n[Main \"x\"]\n" + ONE_ENV)).containsExactly(
                "relay.conf:1: [Environment]: the section needs a name, e.g. [Environment \"production\"]",
                "relay.conf:3: [Main \"x\"]: this section takes no name; write [Main]");
    }

    @Test
    void aBareKeyThatIsNotABooleanNeedsAValue() {
        assertThat(problemsOf("[Main]\nport\n" + ONE_ENV))
                .containsExactly("relay.conf:2: [Main] port: needs a value (port = ...)");
    }

    @Test
    void envVarsAreIgnoredWithoutFromEnv() {
        Map<String, String> env = Map.of("LD_ENV_x", "sdk-x-1234567890");
        assertThat(ConfigLoader.load(null, false, env, true).config().environments()).hasSize(1);
        assertThatThrownBy(() -> ConfigLoader.load(null, false, env, false))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration: no environments are configured: add an [Environment \"name\"] section"
                        + " with an sdkKey, or set LD_ENV_<name> to an SDK key");
    }
}
