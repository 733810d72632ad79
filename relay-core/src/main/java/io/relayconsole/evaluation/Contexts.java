package io.relayconsole.evaluation;

import com.launchdarkly.sdk.ContextKind;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.json.JsonSerialization;
import com.launchdarkly.sdk.json.SerializationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the context of an evalx request or client stream as the SDKs send it: base64url JSON in the path, or JSON
 * in a {@code REPORT} body; the context format and the old user format alike (the SDK's own parser reads both).
 */
public final class Contexts {
    private Contexts() {
    }

    /** From a path segment: base64url (padded or not; plain base64 too, as some SDKs send it). */
    public static LDContext fromBase64(String encoded) throws ContextException {
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(stripPadding(encoded).replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException e) {
            throw new ContextException("Context is not valid base64url: " + e.getMessage());
        }
        return fromJson(json);
    }

    /** From a JSON document. */
    public static LDContext fromJson(byte[] json) throws ContextException {
        LDContext context;
        try {
            context = JsonSerialization.deserialize(new String(json, StandardCharsets.UTF_8), LDContext.class);
        } catch (SerializationException | RuntimeException e) {
            throw new ContextException("Context is not valid JSON: " + rootMessage(e));
        }
        if (context == null) {
            throw new ContextException("Context is not valid JSON: empty document");
        }
        if (!context.isValid()) {
            throw new ContextException("Invalid context: " + context.getError());
        }
        if (!context.isMultiple() && context.getKey().isEmpty()) {
            throw new ContextException("User must have a 'key' attribute"); // ld-relay's words
        }
        return context;
    }

    /** The context's kinds, e.g. {@code user} or {@code organization+user}: what the console may show of it. */
    public static String kinds(LDContext context) {
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < context.getIndividualContextCount(); i++) {
            ContextKind kind = context.getIndividualContext(i).getKind();
            kinds.add(kind.toString());
        }
        return String.join("+", kinds);
    }

    /** The context as JSON, attributes included: for the console, which shows it only when the operator asks. */
    public static String json(LDContext context) {
        return com.launchdarkly.sdk.json.JsonSerialization.serialize(context);
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
