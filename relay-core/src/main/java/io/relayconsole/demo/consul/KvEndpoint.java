package io.relayconsole.demo.consul;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code /v1/kv/<key>}: GET (single, {@code recurse}, {@code keys}, {@code raw}), PUT and DELETE, as Consul answers them. */
final class KvEndpoint {
    /** Consul's default {@code kv_max_value_size}: 512 KiB. */
    static final int MAX_VALUE_SIZE = 512 * 1024;

    private final KvState state;
    private final AclCheck acl;

    KvEndpoint(KvState state, AclCheck acl) {
        this.state = state;
        this.acl = acl;
    }

    void handle(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        String key = rawPath.length() > "/v1/kv/".length() ? HttpExchanges.decode(rawPath.substring("/v1/kv/".length()), false) : "";
        Map<String, String> query = HttpExchanges.query(exchange);
        if (!key.isEmpty()) {
            String problem = KvKeys.problem(key);
            if (problem != null) {
                HttpExchanges.replyText(exchange, 400, problem);
                return;
            }
        }
        AclCheck.Caller caller = acl.caller(exchange, query);
        if (caller == AclCheck.Caller.UNKNOWN_TOKEN) {
            HttpExchanges.replyText(exchange, 403, AclCheck.ACL_NOT_FOUND);
            return;
        }
        boolean anonymous = caller == AclCheck.Caller.ANONYMOUS;
        switch (exchange.getRequestMethod()) {
            case "GET" -> get(exchange, key, query, anonymous);
            case "PUT" -> put(exchange, key, query, anonymous);
            case "DELETE" -> delete(exchange, key, query, anonymous);
            default -> HttpExchanges.replyText(exchange, 405, "method " + exchange.getRequestMethod() + " not allowed");
        }
    }

    private void get(HttpExchange exchange, String key, Map<String, String> query, boolean anonymous) throws IOException {
        if (query.containsKey("keys")) {
            String separator = query.containsKey("separator") ? query.get("separator") : query.get("seperator");
            KvState.Read<List<String>> read = state.keys(key, separator);
            // An ACL-filtered listing is empty rather than refused, as Consul filters lists by token.
            List<String> keys = anonymous ? List.of() : read.value();
            setMeta(exchange, read.index(), anonymous);
            if (keys.isEmpty() && !key.isEmpty()) {
                HttpExchanges.reply(exchange, 404, null, new byte[0]);
            } else {
                HttpExchanges.reply(exchange, 200, "application/json", KvJson.bytes(keys));
            }
            return;
        }
        if (query.containsKey("recurse")) {
            KvState.Read<List<KvEntry>> read = state.list(key);
            List<KvEntry> entries = anonymous ? List.of() : read.value();
            setMeta(exchange, read.index(), anonymous);
            if (entries.isEmpty()) {
                HttpExchanges.reply(exchange, 404, null, new byte[0]);
            } else {
                HttpExchanges.reply(exchange, 200, "application/json", KvJson.bytes(KvJson.entries(entries)));
            }
            return;
        }
        if (key.isEmpty()) {
            HttpExchanges.replyText(exchange, 400, "Missing key name");
            return;
        }
        if (anonymous) {
            HttpExchanges.replyText(exchange, 403, AclCheck.permissionDenied("read", key));
            return;
        }
        KvState.Read<KvEntry> read = state.get(key);
        setMeta(exchange, read.index(), false);
        if (read.value() == null) {
            HttpExchanges.reply(exchange, 404, null, new byte[0]);
        } else if (query.containsKey("raw")) {
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            HttpExchanges.reply(exchange, 200, "text/plain", read.value().value());
        } else {
            HttpExchanges.reply(exchange, 200, "application/json", KvJson.bytes(KvJson.entries(List.of(read.value()))));
        }
    }

    private void put(HttpExchange exchange, String key, Map<String, String> query, boolean anonymous) throws IOException {
        if (key.isEmpty()) {
            HttpExchanges.replyText(exchange, 400, "Missing key name");
            return;
        }
        if (conflicting(exchange, query, "cas", "acquire", "release")) {
            return;
        }
        if (query.containsKey("acquire") || query.containsKey("release")) {
            HttpExchanges.replyText(exchange, 500, "sessions and locks are not modelled by the Consul KV double");
            return;
        }
        Long flags = unsigned(exchange, query, "flags");
        Long cas = unsigned(exchange, query, "cas");
        if ((query.containsKey("flags") && flags == null) || (query.containsKey("cas") && cas == null)) {
            return;
        }
        byte[] value = HttpExchanges.body(exchange);
        if (value.length > MAX_VALUE_SIZE) {
            HttpExchanges.replyText(exchange, 413, "Request body(" + value.length + " bytes) too large, max size: "
                    + MAX_VALUE_SIZE + " bytes. See https://developer.hashicorp.com/docs/agent/config/config-files#kv_max_value_size.");
            return;
        }
        if (anonymous) {
            HttpExchanges.replyText(exchange, 403, AclCheck.permissionDenied("write", key));
            return;
        }
        boolean written = state.put(key, value, flags == null ? 0 : flags, cas);
        HttpExchanges.reply(exchange, 200, "application/json", Boolean.toString(written).getBytes(StandardCharsets.UTF_8));
    }

    private void delete(HttpExchange exchange, String key, Map<String, String> query, boolean anonymous) throws IOException {
        if (conflicting(exchange, query, "recurse", "cas")) {
            return;
        }
        boolean recurse = query.containsKey("recurse");
        if (!recurse && key.isEmpty()) {
            HttpExchanges.replyText(exchange, 400, "Missing key name");
            return;
        }
        Long cas = unsigned(exchange, query, "cas");
        if (query.containsKey("cas") && cas == null) {
            return;
        }
        if (anonymous) {
            HttpExchanges.replyText(exchange, 403, AclCheck.permissionDenied("write", key));
            return;
        }
        boolean deleted = state.delete(key, recurse, cas);
        HttpExchanges.reply(exchange, 200, "application/json", Boolean.toString(deleted).getBytes(StandardCharsets.UTF_8));
    }

    /** Consul refuses {@code cas} together with {@code acquire}, or {@code recurse} with {@code cas}. */
    private static boolean conflicting(HttpExchange exchange, Map<String, String> query, String... flags) throws IOException {
        int present = 0;
        for (String flag : flags) {
            if (query.containsKey(flag)) {
                present++;
            }
        }
        if (present > 1) {
            HttpExchanges.replyText(exchange, 400, "Conflicting flags: " + exchange.getRequestURI().getRawQuery() + "\n");
            return true;
        }
        return false;
    }

    /** A uint64 query parameter, or null after answering 500 with Go's parse error as Consul does. */
    private static Long unsigned(HttpExchange exchange, Map<String, String> query, String name) throws IOException {
        String text = query.get(name);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            HttpExchanges.replyText(exchange, 500, "strconv.ParseUint: parsing \"" + text + "\": invalid syntax");
            return null;
        }
    }

    private static void setMeta(HttpExchange exchange, long index, boolean filtered) {
        exchange.getResponseHeaders().set("X-Consul-Index", Long.toString(index));
        exchange.getResponseHeaders().set("X-Consul-Knownleader", "true");
        exchange.getResponseHeaders().set("X-Consul-Lastcontact", "0");
        if (filtered) {
            exchange.getResponseHeaders().set("X-Consul-Results-Filtered-By-ACLs", "true");
        }
    }
}
