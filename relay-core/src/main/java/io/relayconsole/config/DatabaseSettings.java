package io.relayconsole.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.relayconsole.config.RawSettings.SectionRef;

/**
 * Decides which database is enabled and checks ld-relay's database rules (reference §6.3-6.6): at most one
 * database; Redis URL or host/port but not both; Consul token or token file but not both; a DynamoDB table
 * somewhere; and, with several environments, a prefix (or DynamoDB table) per environment so that they do not
 * overwrite each other's data.
 */
final class DatabaseSettings {
    private static final SectionRef REDIS = SectionRef.of(ConfigSection.REDIS);
    private static final SectionRef DYNAMODB = SectionRef.of(ConfigSection.DYNAMODB);
    private static final SectionRef CONSUL = SectionRef.of(ConfigSection.CONSUL);

    private final TypedSettings settings;
    private final List<ConfigProblem> problems;
    private final List<ConfigNotice> notices;

    DatabaseSettings(TypedSettings settings, List<ConfigProblem> problems, List<ConfigNotice> notices) {
        this.settings = settings;
        this.problems = problems;
        this.notices = notices;
    }

    Optional<DatabaseConfig> resolve(List<EnvironmentConfig> environments) {
        List<String> enabled = new ArrayList<>();
        if (settings.isSet(REDIS, "url") || settings.isSet(REDIS, "host") || settings.isSet(REDIS, "port")) {
            enabled.add("Redis");
        }
        if (settings.bool(DYNAMODB, "enabled")) {
            enabled.add("DynamoDB");
        }
        if (settings.isSet(CONSUL, "host")) {
            enabled.add("Consul");
        }
        if (enabled.isEmpty()) {
            return Optional.empty();
        }
        if (enabled.size() > 1) {
            String last = enabled.get(enabled.size() - 1);
            SectionRef where = last.equals("Consul") ? CONSUL : last.equals("DynamoDB") ? DYNAMODB : REDIS;
            problems.add(settings.problem(where, enablingKey(where),
                    "multiple databases are enabled (" + String.join(", ", enabled) + "); only one is allowed"));
            return Optional.empty();
        }
        DatabaseConfig database = switch (enabled.get(0)) {
            case "Redis" -> redis();
            case "DynamoDB" -> dynamoDb(environments);
            default -> consul();
        };
        if (database != null) {
            checkEnvironmentsAreSeparated(database, environments);
        }
        return Optional.ofNullable(database);
    }

    private RedisConfig redis() {
        URI url = settings.get(REDIS, "url", null);
        boolean tls = settings.bool(REDIS, "tls");
        if (url != null && (settings.isSet(REDIS, "host") || settings.isSet(REDIS, "port"))) {
            problems.add(settings.problem(REDIS, "url", "specify Redis url or host/port, but not both"));
            return null;
        }
        if (url == null) {
            String host = settings.get(REDIS, "host", "localhost");
            int port = settings.get(REDIS, "port", 6379);
            try {
                url = new URI("redis", null, host, port, null, null, null);
            } catch (URISyntaxException e) {
                problems.add(settings.problem(REDIS, "host", GoDuration.quote(host) + " is not a valid host name"));
                return null;
            }
        }
        String scheme = url.getScheme().toLowerCase();
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            problems.add(settings.problem(REDIS, "url", GoDuration.quote(url.toString())
                    + " is not a Redis URL (expected redis://host:port or rediss://host:port)"));
            return null;
        }
        if (tls && scheme.equals("redis")) {
            url = URI.create("rediss" + url.toString().substring("redis".length()));
        }
        String sentinelMasterId = settings.string(REDIS, "sentinelMasterId");
        boolean cluster = settings.bool(REDIS, "cluster");
        if (sentinelMasterId != null && cluster) {
            problems.add(settings.problem(REDIS, "cluster",
                    "a Redis Cluster cannot also be a Sentinel setup; set sentinelMasterId or cluster, not both"));
            return null;
        }
        return new RedisConfig(url, "rediss".equalsIgnoreCase(url.getScheme()), settings.string(REDIS, "username"),
                settings.string(REDIS, "password"), localTtl(REDIS), sentinelMasterId, cluster);
    }

    private DynamoDbConfig dynamoDb(List<EnvironmentConfig> environments) {
        String table = settings.string(DYNAMODB, "tableName");
        if (table == null) {
            List<String> withoutTable = environments.stream().filter(env -> env.tableName() == null)
                    .map(env -> GoDuration.quote(env.name())).toList();
            if (!withoutTable.isEmpty()) {
                problems.add(settings.problem(DYNAMODB, "tableName", "enabled", "a DynamoDB table name must be set, either"
                        + " here (tableName / DYNAMODB_TABLE) or in every environment (tableName / LD_TABLE_NAME_<env>);"
                        + " missing for " + String.join(", ", withoutTable)));
                return null;
            }
        }
        return new DynamoDbConfig(table, settings.get(DYNAMODB, "url", null), localTtl(DYNAMODB));
    }

    private ConsulConfig consul() {
        String token = settings.string(CONSUL, "token");
        String tokenFile = settings.string(CONSUL, "tokenFile");
        if (token != null && tokenFile != null) {
            problems.add(settings.problem(CONSUL, "tokenFile",
                    "set either token or tokenFile for Consul, not both"));
            return null;
        }
        return new ConsulConfig(settings.string(CONSUL, "host"), token, tokenFile, localTtl(CONSUL));
    }

    private Duration localTtl(SectionRef ref) {
        return settings.get(ref, "localTtl", DatabaseConfig.DEFAULT_LOCAL_TTL);
    }

    /**
     * Environments sharing a database keep their data apart by prefix (or, in DynamoDB, by table). Several
     * environments without one would overwrite each other: an error. A single one may use the unprefixed keys,
     * which ld-relay only warns about.
     */
    private void checkEnvironmentsAreSeparated(DatabaseConfig database, List<EnvironmentConfig> environments) {
        if (environments.size() < 2) {
            return;
        }
        boolean dynamo = database instanceof DynamoDbConfig;
        String what = dynamo ? "a prefix or table name" : "a prefix";
        List<EnvironmentConfig> unseparated = environments.stream()
                .filter(env -> isBlank(env.prefix()) && (!dynamo || isBlank(env.tableName()))).toList();
        if (unseparated.size() == 1) {
            EnvironmentConfig env = unseparated.get(0);
            notices.add(settings.warning(envRef(env), "prefix", "environment " + GoDuration.quote(env.name())
                    + " does not have " + what + " specified for database storage; it uses the database's"
                    + " unprefixed keys"));
        } else {
            for (EnvironmentConfig env : unseparated) {
                problems.add(settings.problem(envRef(env), "prefix", "environment " + GoDuration.quote(env.name())
                        + " does not have " + what + " specified for database storage (needed when several"
                        + " environments share the " + database.displayName() + " database)"));
            }
        }
        Map<String, String> ownerOfLocation = new HashMap<>();
        for (EnvironmentConfig env : environments) {
            if (unseparated.contains(env)) {
                continue;
            }
            String table = dynamo ? (isBlank(env.tableName()) ? ((DynamoDbConfig) database).tableName()
                    : env.tableName()) : "";
            String location = table + "\u0000" + (env.prefix() == null ? "" : env.prefix());
            String owner = ownerOfLocation.putIfAbsent(location, env.name());
            if (owner != null) {
                problems.add(settings.problem(envRef(env), "prefix", "environment " + GoDuration.quote(env.name())
                        + " uses the same " + (dynamo ? "table and prefix" : "prefix") + " as environment "
                        + GoDuration.quote(owner) + "; each environment needs its own"));
            }
        }
    }

    /** The key that switched a database on, so the "multiple databases" problem points at it. */
    private String enablingKey(SectionRef database) {
        if (database == DYNAMODB) {
            return "enabled";
        }
        if (database == REDIS && !settings.isSet(REDIS, "host")) {
            return settings.isSet(REDIS, "url") ? "url" : "port";
        }
        return "host";
    }

    private static SectionRef envRef(EnvironmentConfig env) {
        return new SectionRef(ConfigSection.ENVIRONMENT, env.name());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
