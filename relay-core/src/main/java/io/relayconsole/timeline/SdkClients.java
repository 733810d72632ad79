package io.relayconsole.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names SDKs {@code SDK1}, {@code SDK2}, ... by first appearance. A client is its host and User-Agent: each
 * new connection comes from a new port, so the port cannot tell a reconnecting SDK from a new one. Two SDKs of
 * the same kind on the same host therefore share a name. Not thread-safe; the recorder guards it.
 */
final class SdkClients {
    private final Map<String, SdkClient> byIdentity = new LinkedHashMap<>();

    /** The client's name, assigning the next one on first sight; remembers the latest address and agent. */
    String nameFor(String remoteAddress, String userAgent) {
        String identity = host(remoteAddress) + "|" + (userAgent == null ? "" : userAgent);
        SdkClient known = byIdentity.get(identity);
        String name = known != null ? known.name() : Participants.SDK_PREFIX + (byIdentity.size() + 1);
        byIdentity.put(identity, new SdkClient(name, remoteAddress, userAgent));
        return name;
    }

    List<SdkClient> all() {
        return new ArrayList<>(byIdentity.values());
    }

    static String host(String remoteAddress) {
        if (remoteAddress == null) {
            return "";
        }
        String a = remoteAddress.startsWith("/") ? remoteAddress.substring(1) : remoteAddress;
        int colon = a.lastIndexOf(':');
        boolean hasPort = colon > 0 && colon < a.length() - 1
                && a.substring(colon + 1).chars().allMatch(Character::isDigit)
                && (a.indexOf(':') == colon || a.charAt(colon - 1) == ']');
        return hasPort ? a.substring(0, colon) : a;
    }
}
