package io.relayconsole.app.store;

import io.relayconsole.backends.StoreSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The store connection form: one set of fields per backend, checked before anything connects. Passwords and
 * tokens live only in these properties and the settings; nothing here logs or prints them.
 * Blank prefixes fall back to the environment's name, so two environments never share keys by accident.
 */
public final class StoreForm {
    public final ObjectProperty<StoreBackend> backend = new SimpleObjectProperty<>(StoreBackend.NONE);
    public final StringProperty redisUrl = new SimpleStringProperty("");
    public final StringProperty redisHost = new SimpleStringProperty("");
    public final StringProperty redisPort = new SimpleStringProperty("");
    public final StringProperty redisPassword = new SimpleStringProperty("");
    public final StringProperty redisPrefix = new SimpleStringProperty("");
    public final BooleanProperty redisTls = new SimpleBooleanProperty();
    public final StringProperty redisSentinelMaster = new SimpleStringProperty("");
    public final BooleanProperty redisCluster = new SimpleBooleanProperty();
    public final StringProperty dynamoTable = new SimpleStringProperty("");
    public final StringProperty dynamoEndpoint = new SimpleStringProperty("");
    public final StringProperty dynamoRegion = new SimpleStringProperty("");
    public final StringProperty dynamoPrefix = new SimpleStringProperty("");
    public final StringProperty consulUrl = new SimpleStringProperty("");
    public final StringProperty consulToken = new SimpleStringProperty("");
    public final StringProperty consulPrefix = new SimpleStringProperty("");

    /** Everything wrong with the form, in words; empty when it can be used. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        switch (backend.get()) {
            case NONE -> { }
            case REDIS -> validateRedis(problems);
            case DYNAMODB -> {
                if (blank(dynamoTable)) {
                    problems.add("DynamoDB needs a table name");
                }
                if (!blank(dynamoEndpoint) && !isHttpUrl(text(dynamoEndpoint))) {
                    problems.add("The DynamoDB endpoint must be a URL such as http://localhost:8000");
                }
            }
            case CONSUL -> {
                if (!blank(consulUrl) && !isHttpUrl(text(consulUrl))) {
                    problems.add("The Consul URL must look like http://localhost:8500");
                }
                if (text(consulPrefix).startsWith("/")) {
                    problems.add("The Consul prefix must not start with /");
                }
            }
        }
        return problems;
    }

    private void validateRedis(List<String> problems) {
        String url = text(redisUrl);
        if (!url.isEmpty() && (!blank(redisHost) || !blank(redisPort))) {
            problems.add("Give a Redis URL or a host and port, not both");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!url.isEmpty() && !(lower.startsWith("redis://") || lower.startsWith("rediss://"))) {
            problems.add("The Redis URL must start with redis:// or rediss://");
        }
        if (!blank(redisPort)) {
            int port = parsePort(text(redisPort));
            if (port < 1) {
                problems.add("The Redis port must be a number from 1 to 65535");
            }
        }
        if (!blank(redisSentinelMaster) && redisCluster.get()) {
            problems.add("Choose Sentinel or Cluster, not both");
        }
        if (!blank(redisSentinelMaster) && !url.isEmpty()) {
            problems.add("With Sentinel, give the sentinel's host and port instead of a URL");
        }
        if (text(redisPrefix).contains("\n")) {
            problems.add("The Redis prefix must be one line");
        }
    }

    /**
     * What the form describes, for the engine to build, test or switch to; a blank prefix becomes the
     * environment's name.
     *
     * @throws IllegalArgumentException listing what is wrong with the form, fit to show
     */
    public StoreSettings settings(String environmentName) {
        List<String> problems = validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return switch (backend.get()) {
            case NONE -> new StoreSettings.InMemory();
            case REDIS -> new StoreSettings.Redis(text(redisUrl), text(redisHost),
                    blank(redisPort) ? -1 : parsePort(text(redisPort)), null, text(redisPassword), redisTls.get(),
                    text(redisSentinelMaster), redisCluster.get(), prefixOr(redisPrefix, environmentName));
            case DYNAMODB -> new StoreSettings.DynamoDb(text(dynamoTable), text(dynamoEndpoint), text(dynamoRegion),
                    prefixOr(dynamoPrefix, environmentName));
            case CONSUL -> new StoreSettings.Consul(text(consulUrl), text(consulToken),
                    prefixOr(consulPrefix, environmentName));
        };
    }

    private static String prefixOr(StringProperty prefix, String environmentName) {
        return blank(prefix) ? environmentName : text(prefix);
    }

    private static boolean isHttpUrl(String s) {
        try {
            java.net.URI uri = java.net.URI.create(s);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int parsePort(String s) {
        try {
            int port = Integer.parseInt(s);
            return port >= 1 && port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean blank(StringProperty p) {
        return text(p).isEmpty();
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().trim();
    }
}
