package io.relayconsole.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.relayconsole.config.ConfigTestSupport.ONE_ENV;
import static io.relayconsole.config.ConfigTestSupport.problemsOf;
import static io.relayconsole.config.ConfigTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every rule of reference §6, each asserting where the operator is sent to fix it. */
class ConfigValidationTest {

    @Test
    void badValuesAreReportedWithFileLineAndKey() {
        assertThat(problemsOf("[Main]\n\n\n\n\n\n\n\n\n\n\ninitTimeout = ten\n" + ONE_ENV))
                .containsExactly("relay.conf:12: [Main] initTimeout: \"ten\" is not a duration"
                        + " (expected e.g. 10s, 500ms, 1m30s)");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse("broken-values.conf", resource("broken-values.conf")));
        assertThat(e.problems()).extracting(ConfigProblem::describe).containsExactly(
                "broken-values.conf:2: [Main] port: \"70000\" is not a valid port (expected 1 to 65535)",
                "broken-values.conf:3: [Main] initTimeout: \"ten\" is not a duration (expected e.g. 10s, 500ms, 1m30s)",
                "broken-values.conf:4: [Main] heartbeatInterval: \"10\" is missing a unit (expected e.g. 10s, 500ms, 1m30s)",
                "broken-values.conf:5: [Main] logLevel: \"loud\" is not a log level (expected debug, info, warn, error or none)",
                "broken-values.conf:6: [Main] streamUri: \"not a url\" is not a valid URL (Illegal character in path)",
                "broken-values.conf:10: [Environment \"prod\"] secureMode: \"maybe\" is not a boolean (expected true or false)");
        assertThat(e.problems().get(0)).isEqualTo(new ConfigProblem("broken-values.conf", 2, "[Main] port",
                "\"70000\" is not a valid port (expected 1 to 65535)"));
        assertThat(e.getMessage().lines()).hasSize(6).first().asString()
                .isEqualTo("broken-values.conf:2: [Main] port: \"70000\" is not a valid port (expected 1 to 65535)");
    }

    @Test
    void syntaxAndSchemaErrorsAreReportedTogether() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse("broken-syntax.conf", resource("broken-syntax.conf")));
        assertThat(e.problems()).extracting(ConfigProblem::describe).containsExactly(
                "broken-syntax.conf:1: invalid section header \"[Main\" (expected [Name] or [Name \"subsection\"])",
                "broken-syntax.conf:2: port: setting outside of any section (add a section header such as [Main] above it)",
                "broken-syntax.conf:3: this: setting outside of any section (add a section header such as [Main] above it)",
                "broken-syntax.conf:5: [Environment \"prod\"] sdkKey: unterminated quoted value (missing closing \")",
                "broken-syntax.conf:6: [Environment \"prod\"] initTimout: unsupported or misspelled setting",
                "broken-syntax.conf:7: [Mian]: unsupported or misspelled section (did you mean [Main]?)",
                "broken-syntax.conf:4: [Environment \"prod\"] sdkKey: sdkKey is required");
    }

    @Test
    void noEnvironmentsIsAnError() {
        assertThat(problemsOf("[Main]\nport = 8030\n")).containsExactly("relay.conf: no environments are"
                + " configured: add an [Environment \"name\"] section with an sdkKey, or set LD_ENV_<name> to an SDK key");
    }

    @Test
    void duplicateCredentialsAcrossEnvironmentsAreErrors() {
        assertThat(problemsOf("""
                [Environment "a"]
                sdkKey = sdk-same-1234567890
                mobileKey = mob-same-1234567890
                [Environment "b"]
                sdkKey = sdk-same-1234567890
                mobileKey = mob-same-1234567890
                """)).containsExactly(
                "relay.conf:5: [Environment \"b\"] sdkKey: the same SDK key is already used by environment \"a\";"
                        + " each environment needs its own",
                "relay.conf:6: [Environment \"b\"] mobileKey: the same mobile key is already used by environment"
                        + " \"a\"; each environment needs its own");
    }

    @Test
    void moreThanOneDatabaseIsAnErrorNamingThem() {
        assertThat(problemsOf("[Redis]\nhost = r\n[DynamoDB]\nenabled = true\ntableName = t\n" + ONE_ENV))
                .containsExactly("relay.conf:4: [DynamoDB] enabled: multiple databases are enabled"
                        + " (Redis, DynamoDB); only one is allowed");
        assertThat(problemsOf(ONE_ENV, Map.of("USE_REDIS", "1", "USE_CONSUL", "1")))
                .containsExactly("environment variable USE_CONSUL: multiple databases are enabled (Redis, Consul);"
                        + " only one is allowed");
    }

    @Test
    void redisUrlWithHostOrPortIsAnError() {
        assertThat(problemsOf("[Redis]\nurl = redis://a:6379\nport = 6380\n" + ONE_ENV))
                .containsExactly("relay.conf:2: [Redis] url: specify Redis url or host/port, but not both");
    }

    @Test
    void redisUrlMustBeARedisUrl() {
        assertThat(problemsOf("[Redis]\nurl = http://a:6379\n" + ONE_ENV)).containsExactly("relay.conf:2: [Redis]"
                + " url: \"http://a:6379\" is not a Redis URL (expected redis://host:port or rediss://host:port)");
    }

    @Test
    void redisSentinelAndClusterExcludeEachOther() {
        assertThat(problemsOf("[Redis]\nhost = a\nsentinelMasterId = m\ncluster = true\n" + ONE_ENV))
                .containsExactly("relay.conf:4: [Redis] cluster: a Redis Cluster cannot also be a Sentinel setup;"
                        + " set sentinelMasterId or cluster, not both");
    }

    @Test
    void consulTokenWithTokenFileIsAnError() {
        assertThat(problemsOf("[Consul]\nhost = c\ntoken = t\ntokenFile = /f\n" + ONE_ENV))
                .containsExactly("relay.conf:4: [Consul] tokenFile: set either token or tokenFile for Consul, not both");
    }

    @Test
    void dynamoDbNeedsATableSomewhere() {
        assertThat(problemsOf("[DynamoDB]\nenabled = true\n" + ONE_ENV)).containsExactly(
                "relay.conf:2: [DynamoDB] tableName: a DynamoDB table name must be set, either here (tableName /"
                        + " DYNAMODB_TABLE) or in every environment (tableName / LD_TABLE_NAME_<env>); missing for \"prod\"");
        // A table in every environment is enough.
        assertThat(ConfigLoader.parse("relay.conf", "[DynamoDB]\nenabled = true\n" + ONE_ENV + "tableName = t\n")
                .config().dynamoDb()).isPresent();
    }

    @Test
    void environmentsSharingADatabaseNeedPrefixes() {
        String two = "[Redis]\nhost = r\n[Environment \"a\"]\nsdkKey = sdk-a-123456\n"
                + "[Environment \"b\"]\nsdkKey = sdk-b-123456\n";
        assertThat(problemsOf(two)).containsExactly(
                "relay.conf:3: [Environment \"a\"] prefix: environment \"a\" does not have a prefix specified for"
                        + " database storage (needed when several environments share the Redis database)",
                "relay.conf:5: [Environment \"b\"] prefix: environment \"b\" does not have a prefix specified for"
                        + " database storage (needed when several environments share the Redis database)");
    }

    @Test
    void oneEnvironmentWithoutPrefixAmongSeveralIsOnlyAWarning() {
        LoadedConfig loaded = ConfigLoader.parse("relay.conf", "[Redis]\nhost = r\n[Environment \"a\"]\n"
                + "sdkKey = sdk-a-123456\nprefix = a\n[Environment \"b\"]\nsdkKey = sdk-b-123456\n");
        assertThat(loaded.notices()).extracting(ConfigNotice::describe).containsExactly(
                "relay.conf:6: [Environment \"b\"] prefix: environment \"b\" does not have a prefix specified for"
                        + " database storage; it uses the database's unprefixed keys");
    }

    @Test
    void environmentsSharingAPrefixAreAnError() {
        assertThat(problemsOf("[Redis]\nhost = r\n[Environment \"a\"]\nsdkKey = sdk-a-123456\nprefix = p\n"
                + "[Environment \"b\"]\nsdkKey = sdk-b-123456\nprefix = p\n")).containsExactly(
                "relay.conf:8: [Environment \"b\"] prefix: environment \"b\" uses the same prefix as environment"
                        + " \"a\"; each environment needs its own");
    }

    @Test
    void dynamoDbEnvironmentsMaySeparateByTableInsteadOfPrefix() {
        LoadedConfig loaded = ConfigLoader.parse("relay.conf", "[DynamoDB]\nenabled = true\n"
                + "[Environment \"a\"]\nsdkKey = sdk-a-123456\ntableName = ta\n"
                + "[Environment \"b\"]\nsdkKey = sdk-b-123456\ntableName = tb\n");
        assertThat(loaded.notices()).isEmpty();
        assertThat(problemsOf("[DynamoDB]\nenabled = true\ntableName = t\n[Environment \"a\"]\nsdkKey = sdk-a-1\n"
                + "[Environment \"b\"]\nsdkKey = sdk-b-1\n")).containsExactly(
                "relay.conf:4: [Environment \"a\"] prefix: environment \"a\" does not have a prefix or table name"
                        + " specified for database storage (needed when several environments share the DynamoDB database)",
                "relay.conf:6: [Environment \"b\"] prefix: environment \"b\" does not have a prefix or table name"
                        + " specified for database storage (needed when several environments share the DynamoDB database)");
    }

    @Test
    void obsoleteEventSamplingInTheFileIsAnError() {
        assertThat(problemsOf("[Events]\nsamplingInterval = 10\n" + ONE_ENV)).containsExactly(
                "relay.conf:2: [Events] samplingInterval: event sampling is no longer supported; remove this setting");
    }

    @Test
    void negativeDurationsAreRejectedWhereTheyMakeNoSense() {
        assertThat(problemsOf("[Main]\ninitTimeout = -1s\nheartbeatInterval = 0s\n" + ONE_ENV + "ttl = -5m\n"))
                .containsExactly(
                        "relay.conf:2: [Main] initTimeout: \"-1s\" must not be negative",
                        "relay.conf:3: [Main] heartbeatInterval: \"0s\" must be greater than zero",
                        "relay.conf:6: [Environment \"prod\"] ttl: \"-5m\" must not be negative");
        // ...but a negative cache TTL means "cache forever".
        assertThat(ConfigLoader.parse("r", "[Redis]\nhost = r\nlocalTtl = -1s\n" + ONE_ENV).config().redis())
                .isPresent();
    }

    @Test
    void otherRangeRules() {
        assertThat(problemsOf("[Main]\npollInterval = 500ms\nexpiredCredentialCleanupInterval = 10ms\n"
                + "[Events]\ncapacity = 0\nmaxInboundPayloadSize = 0\n[Simulator]\nport = -1\n" + ONE_ENV))
                .containsExactly(
                        "relay.conf:5: [Events] capacity: \"0\" must be greater than zero",
                        "relay.conf:6: [Events] maxInboundPayloadSize: \"0\" must be greater than zero",
                        "relay.conf:8: [Simulator] port: \"-1\" is not a valid port (expected 0 to 65535)",
                        "relay.conf:2: [Main] pollInterval: must be at least 1s",
                        "relay.conf:3: [Main] expiredCredentialCleanupInterval: must be at least 100ms");
    }

    @Test
    void tlsNeedsCertificateAndKey() {
        assertThat(problemsOf("[Main]\ntlsEnabled = true\n" + ONE_ENV)).containsExactly(
                "relay.conf:2: [Main] tlsCert: tlsCert is required when tlsEnabled is true",
                "relay.conf:2: [Main] tlsKey: tlsKey is required when tlsEnabled is true");
    }

    @Test
    void filtersNeedProjectKeys() {
        assertThat(problemsOf("[Filters \"proj\"]\nkeys = web\n" + ONE_ENV)).containsExactly(
                "relay.conf:3: [Environment \"prod\"] projKey: projKey is required when [Filters] sections are configured");
    }

    @Test
    void enterpriseModesCannotBeCombinedWithEnvironments() {
        assertThat(problemsOf("[AutoConfig]\nkey = rel-abc\n" + ONE_ENV)).containsExactly(
                "relay.conf:2: [AutoConfig] key: auto-configuration cannot be combined with [Environment] sections");
        assertThat(problemsOf("[OfflineMode]\nfileDataSource = /data.tar.gz\n" + ONE_ENV)).containsExactly(
                "relay.conf:2: [OfflineMode] fileDataSource: offline mode cannot be combined with [Environment] sections");
    }
}
