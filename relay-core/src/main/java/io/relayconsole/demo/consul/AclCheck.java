package io.relayconsole.demo.consul;

import com.sun.net.httpserver.HttpExchange;
import java.util.Map;

/**
 * Consul's ACL decision for the double, with default policy "deny": one management-like token may do
 * everything, an unknown token is refused outright ("ACL not found"), and a request without a token runs as
 * the anonymous token, which has no KV rights. Tokens come from {@code X-Consul-Token},
 * {@code Authorization: Bearer} or {@code ?token=}, as Consul reads them.
 */
final class AclCheck {
    static final String ACL_NOT_FOUND = "ACL not found";

    enum Caller { ALLOWED, ANONYMOUS, UNKNOWN_TOKEN }

    private volatile String requiredToken;

    void require(String token) {
        this.requiredToken = token;
    }

    Caller caller(HttpExchange exchange, Map<String, String> query) {
        String expected = requiredToken;
        if (expected == null) {
            return Caller.ALLOWED;
        }
        String token = exchange.getRequestHeaders().getFirst("X-Consul-Token");
        if (token == null) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = auth.substring(7).trim();
            }
        }
        if (token == null) {
            token = query.get("token");
        }
        if (token == null || token.isEmpty()) {
            return Caller.ANONYMOUS;
        }
        return token.equals(expected) ? Caller.ALLOWED : Caller.UNKNOWN_TOKEN;
    }

    /** The text Consul answers when the anonymous token lacks a KV right. */
    static String permissionDenied(String access, String key) {
        return "Permission denied: anonymous token lacks permission 'key:" + access + "' on \"" + key + "\"";
    }
}
