package io.relayconsole.timeline;

import java.util.List;

/** The fixed participants of the persistent-storage document's diagrams; SDKs are named SDK1, SDK2, ... */
public final class Participants {
    public static final String RELAY = "Relay Proxy";
    public static final String STORE = "Persistent Store";
    /** The upstream's id in diagrams; it is declared {@code participant LD as LaunchDarkly}. */
    public static final String UPSTREAM = "LD";
    public static final String UPSTREAM_LABEL = "LaunchDarkly";
    static final String SDK_PREFIX = "SDK";

    private Participants() {
    }

    public static boolean isSdk(String participant) {
        return participant != null && participant.startsWith(SDK_PREFIX)
                && participant.length() > SDK_PREFIX.length()
                && participant.substring(SDK_PREFIX.length()).chars().allMatch(Character::isDigit);
    }

    /** The document's declaration order: SDKs (in the order given), then relay, store and upstream. */
    static List<String> inDeclarationOrder(List<String> participants) {
        List<String> sdks = participants.stream().filter(Participants::isSdk).toList();
        java.util.ArrayList<String> ordered = new java.util.ArrayList<>(sdks);
        for (String fixed : List.of(RELAY, STORE, UPSTREAM)) {
            if (participants.contains(fixed)) {
                ordered.add(fixed);
            }
        }
        participants.stream().filter(p -> !ordered.contains(p)).forEach(ordered::add);
        return List.copyOf(ordered);
    }
}
