package io.relayconsole.app.preferences;

import io.relayconsole.config.Secrets;
import java.util.Map;
import java.util.Objects;

/**
 * A saved store connection: a name, the backend ("redis", "dynamodb", "consul"), its non-secret settings, and
 * the secret (password, token, key) only when the user asked to remember it; otherwise {@code secret} is null.
 */
public record ConnectionProfile(String name, String backend, Map<String, String> settings, String secret,
                                boolean rememberSecret) {

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A connection profile needs a name");
        }
        Objects.requireNonNull(backend, "backend");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        secret = rememberSecret ? secret : null;
    }

    /** How the secret is shown: never its text, not even its length. */
    public String maskedSecret() {
        return secret == null || secret.isEmpty() ? "" : Secrets.maskPassword(secret);
    }

    @Override
    public String toString() {
        return name + " (" + backend + ")";
    }
}
