package io.relayconsole.demo.consul;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * {@code PUT /v1/txn} as Consul's agent/txn_endpoint.go answers it: 413 for a body over the size limit, for
 * more than 64 operations or for a value over 512 KiB; 400 for a body it cannot decode; 409 with
 * {@code {"Results":null,"Errors":[{"OpIndex":i,"What":...}]}} when any operation fails (nothing applied);
 * else 200 with {@code {"Results":[{"KV":...}],"Errors":null}} (values blanked except for reads).
 */
final class TxnEndpoint {
    /** Consul's limit on the operations of one transaction (maxTxnOps). */
    static final int MAX_OPS = 64;
    /** Consul's default txn_max_req_len, the same 512 KiB as the value limit. */
    static final int MAX_BODY = 512 * 1024;

    private final KvState state;
    private final AclCheck acl;

    TxnEndpoint(KvState state, AclCheck acl) {
        this.state = state;
        this.acl = acl;
    }

    /** {@code opCount} learns how many operations the body held (0 if it could not be read). */
    void handle(HttpExchange exchange, IntConsumer opCount) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("PUT") && !method.equals("POST")) {
            opCount.accept(0);
            HttpExchanges.replyText(exchange, 405, "method " + method + " not allowed");
            return;
        }
        byte[] body = HttpExchanges.body(exchange);
        if (body.length > MAX_BODY) {
            opCount.accept(0);
            HttpExchanges.replyText(exchange, 413, "Request body too large, max size: " + MAX_BODY + " bytes");
            return;
        }
        JsonNode root;
        List<TxnOp> ops;
        boolean counted = false;
        try {
            root = KvJson.MAPPER.readTree(body);
            if (root == null || !root.isArray()) {
                throw new IllegalArgumentException("json: cannot unmarshal into Go value of type api.TxnOps");
            }
            opCount.accept(root.size());
            counted = true;
            if (root.size() > MAX_OPS) {
                HttpExchanges.replyText(exchange, 413,
                        "Transaction contains too many operations (" + root.size() + " > " + MAX_OPS + ")");
                return;
            }
            ops = parse((ArrayNode) root);
        } catch (IOException | IllegalArgumentException e) {
            if (!counted) {
                opCount.accept(0);
            }
            HttpExchanges.replyText(exchange, 400, "Failed to parse body: " + e.getMessage());
            return;
        }
        for (TxnOp op : ops) {
            if (op.value() != null && op.value().length > KvEndpoint.MAX_VALUE_SIZE) {
                HttpExchanges.replyText(exchange, 413, "Value for key \"" + op.key() + "\" is too large ("
                        + op.value().length + " > " + KvEndpoint.MAX_VALUE_SIZE + " bytes)");
                return;
            }
        }
        AclCheck.Caller caller = acl.caller(exchange, HttpExchanges.query(exchange));
        if (caller == AclCheck.Caller.UNKNOWN_TOKEN) {
            HttpExchanges.replyText(exchange, 403, AclCheck.ACL_NOT_FOUND);
            return;
        }
        KvState.TxnOutcome outcome = caller == AclCheck.Caller.ANONYMOUS ? denyAll(ops) : state.transaction(ops);
        ObjectNode answer = KvJson.MAPPER.createObjectNode();
        if (outcome.committed()) {
            ArrayNode results = answer.putArray("Results");
            for (KvEntry entry : outcome.results()) {
                results.addObject().set("KV", KvJson.entry(entry));
            }
            answer.putNull("Errors");
            HttpExchanges.reply(exchange, 200, "application/json", KvJson.bytes(answer));
        } else {
            answer.putNull("Results");
            ArrayNode errors = answer.putArray("Errors");
            for (KvState.TxnError error : outcome.errors()) {
                errors.addObject().put("OpIndex", error.opIndex()).put("What", error.what());
            }
            HttpExchanges.reply(exchange, 409, "application/json", KvJson.bytes(answer));
        }
    }

    /** Consul checks each operation against the token before applying any; the anonymous token fails them all. */
    private static KvState.TxnOutcome denyAll(List<TxnOp> ops) {
        List<KvState.TxnError> errors = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            String access = TxnVerbs.isWrite(ops.get(i).verb()) ? "write" : "read";
            errors.add(new KvState.TxnError(i, AclCheck.permissionDenied(access, ops.get(i).key())));
        }
        return new KvState.TxnOutcome(List.of(), errors);
    }

    private static List<TxnOp> parse(ArrayNode root) {
        List<TxnOp> ops = new ArrayList<>();
        for (JsonNode element : root) {
            JsonNode kv = field(element, "KV");
            if (kv == null || !kv.isObject()) {
                throw new IllegalArgumentException("only KV operations are modelled by the Consul KV double");
            }
            JsonNode verb = field(kv, "Verb");
            JsonNode key = field(kv, "Key");
            JsonNode value = field(kv, "Value");
            JsonNode flags = field(kv, "Flags");
            JsonNode index = field(kv, "Index");
            byte[] decoded = null;
            if (value != null && !value.isNull()) {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException("unexpected value type: " + value.getNodeType());
                }
                try {
                    decoded = Base64.getDecoder().decode(value.asText());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("failed to decode value: " + e.getMessage());
                }
            }
            ops.add(new TxnOp(verb == null ? "" : verb.asText(), key == null || key.isNull() ? "" : key.asText(),
                    decoded, flags == null ? 0 : flags.asLong(), index == null ? 0 : index.asLong()));
        }
        return ops;
    }

    /** Consul decodes field names case-insensitively. */
    private static JsonNode field(JsonNode object, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
