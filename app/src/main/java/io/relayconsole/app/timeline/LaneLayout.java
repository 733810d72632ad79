package io.relayconsole.app.timeline;

import io.relayconsole.timeline.Participants;
import io.relayconsole.timeline.TimelineStep;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The diagram's columns: the seed document's participants (SDK1, SDK2, Relay Proxy, Persistent Store,
 * LaunchDarkly), with a column for each further SDK up to {@link #MAX_SDK_LANES}; later SDKs share the last SDK
 * column (labelled "SDK4+") so the columns stay readable.
 */
public record LaneLayout(List<String> participants, boolean lastSdkLaneShared) {
    public static final int MAX_SDK_LANES = 4;
    private static final int MIN_SDK_LANES = 2;

    public LaneLayout {
        participants = List.copyOf(participants);
    }

    /** Columns for these steps: at least SDK1 and SDK2, then the relay, the store and the upstream. */
    public static LaneLayout forSteps(Collection<TimelineStep> steps) {
        int highestSdk = MIN_SDK_LANES;
        for (TimelineStep s : steps) {
            highestSdk = Math.max(highestSdk, Math.max(sdkNumber(s.from()), sdkNumber(s.to())));
        }
        List<String> lanes = new ArrayList<>();
        for (int i = 1; i <= Math.min(highestSdk, MAX_SDK_LANES); i++) {
            lanes.add("SDK" + i);
        }
        lanes.add(Participants.RELAY);
        lanes.add(Participants.STORE);
        lanes.add(Participants.UPSTREAM);
        return new LaneLayout(lanes, highestSdk > MAX_SDK_LANES);
    }

    public int size() {
        return participants.size();
    }

    /** The column a participant is drawn in; an SDK beyond the last SDK column shares that column. */
    public int laneOf(String participant) {
        int exact = participants.indexOf(participant);
        if (exact >= 0) {
            return exact;
        }
        if (Participants.isSdk(participant)) {
            return sdkLanes() - 1;
        }
        return participants.indexOf(Participants.RELAY);
    }

    /** The column's heading: the upstream reads "LaunchDarkly", a shared SDK column "SDK4+". */
    public String label(int lane) {
        String p = participants.get(lane);
        if (p.equals(Participants.UPSTREAM)) {
            return Participants.UPSTREAM_LABEL;
        }
        return lastSdkLaneShared && lane == sdkLanes() - 1 ? p + "+" : p;
    }

    private int sdkLanes() {
        return (int) participants.stream().filter(Participants::isSdk).count();
    }

    private static int sdkNumber(String participant) {
        return Participants.isSdk(participant) ? Integer.parseInt(participant.substring(3)) : 0;
    }
}
