package io.relayconsole.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The request headers that matter to events, looked up case-insensitively as HTTP requires. */
final class EventHeaders {
    static final String SCHEMA = "X-LaunchDarkly-Event-Schema";
    static final String PAYLOAD_ID = "X-LaunchDarkly-Payload-ID";
    static final String UNSUMMARIZED = "X-LaunchDarkly-Unsummarized";
    static final String LD_USER_AGENT = "X-LaunchDarkly-User-Agent";
    static final String WRAPPER = "X-LaunchDarkly-Wrapper";
    static final String TAGS = "X-LaunchDarkly-Tags";
    static final String USER_AGENT = "User-Agent";
    static final String CONTENT_TYPE = "Content-Type";
    static final String CONTENT_ENCODING = "Content-Encoding";
    /** Copied to the flag service unchanged, as ld-relay does (reference §1.6). */
    private static final String[] FORWARDED = {USER_AGENT, LD_USER_AGENT, WRAPPER, TAGS};

    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    EventHeaders(Map<String, String> headers) {
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    values.put(k, v);
                }
            });
        }
    }

    String get(String name) {
        return values.get(name);
    }

    /** The headers that go on to the flag service with the events, in a fixed order. */
    Map<String, String> forwarded() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : FORWARDED) {
            if (get(name) != null) {
                map.put(name, get(name));
            }
        }
        return map;
    }

    /** ld-relay's rule: a missing, unreadable or non-positive schema is schema 1. */
    int schema() {
        try {
            int schema = Integer.parseInt(get(SCHEMA).trim());
            return schema > 0 ? schema : 1;
        } catch (RuntimeException e) {
            return 1;
        }
    }

    /** How the console names the sender: browser SDKs put their name in X-LaunchDarkly-User-Agent. */
    String sdk() {
        String sdk = get(LD_USER_AGENT) != null ? get(LD_USER_AGENT) : get(USER_AGENT);
        return sdk == null || sdk.length() <= 100 ? sdk : sdk.substring(0, 100) + "…";
    }
}
