package io.relayconsole.evaluation;

import com.launchdarkly.sdk.server.subsystems.BigSegmentStore;
import com.launchdarkly.sdk.server.subsystems.BigSegmentStoreTypes;
import io.relayconsole.bigsegments.BigSegmentMembership;
import io.relayconsole.bigsegments.BigSegmentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SDK's big-segment store, answered from the environment's synchronized membership: the relay's own evaluations
 * read the same Redis or DynamoDB sets the daemon-mode SDKs read, and the SDK applies its own staleness and caching.
 */
final class RelayBigSegmentStore implements BigSegmentStore {
    private final BigSegmentMembership membership;

    RelayBigSegmentStore(BigSegmentMembership membership) {
        this.membership = membership;
    }

    @Override
    public BigSegmentStoreTypes.Membership getMembership(String contextHash) {
        List<String> included = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (Map.Entry<String, Boolean> e : membership.membershipOfHash(contextHash).entrySet()) {
            (e.getValue() ? included : excluded).add(e.getKey());
        }
        return BigSegmentStoreTypes.createMembershipFromSegmentRefs(included, excluded);
    }

    /** Null (the SDK's "store not initialized") until the synchronizer has recorded an up-to-date time. */
    @Override
    public BigSegmentStoreTypes.StoreMetadata getMetadata() {
        BigSegmentStatus status = membership.status();
        return status.lastSynchronizedOn() == null ? null
                : new BigSegmentStoreTypes.StoreMetadata(status.lastSynchronizedOn().toEpochMilli());
    }

    @Override
    public void close() {
        // the membership belongs to the environment, which closes it
    }
}
