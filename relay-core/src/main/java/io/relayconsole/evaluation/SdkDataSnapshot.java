package io.relayconsole.evaluation;

import com.launchdarkly.sdk.server.DataModel;
import com.launchdarkly.sdk.server.subsystems.DataStoreTypes.DataKind;
import com.launchdarkly.sdk.server.subsystems.DataStoreTypes.ItemDescriptor;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One relay data version in the SDK's own model (parsed and preprocessed by the SDK), so the SDK evaluates exactly
 * what the relay serves. Items whose version is unchanged since the previous data version are reused, not parsed
 * again: a flag edit costs one parse, not one per flag, even when a store without cache builds new instances. A malformed item is logged and left out, as an SDK would leave it out.
 */
final class SdkDataSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(SdkDataSnapshot.class);

    private final FullDataSet source;
    private final Map<String, Parsed> flags;
    private final Map<String, Parsed> segments;

    /**
     * An SDK item, the relay item it came from (its version tells whether a later data version changed it), and which
     * SDK kinds may see it.
     */
    private record Parsed(Item item, ItemDescriptor descriptor, Availability availability) {
    }

    private SdkDataSnapshot(FullDataSet source, Map<String, Parsed> flags, Map<String, Parsed> segments) {
        this.source = source;
        this.flags = flags;
        this.segments = segments;
    }

    static SdkDataSnapshot of(FullDataSet data, SdkDataSnapshot previous) {
        return new SdkDataSnapshot(data,
                parse(DataModel.FEATURES, data.flags(), previous == null ? Map.of() : previous.flags),
                parse(DataModel.SEGMENTS, data.segments(), previous == null ? Map.of() : previous.segments));
    }

    FullDataSet source() {
        return source;
    }

    ItemDescriptor get(DataKind kind, String key) {
        Parsed p = items(kind).get(key);
        return p == null ? null : p.descriptor();
    }

    /** Every item of a kind; flags only those {@code sdk} may see, so nothing else is evaluated. */
    Map<String, ItemDescriptor> all(DataKind kind, SdkKind sdk) {
        Map<String, Parsed> items = items(kind);
        Map<String, ItemDescriptor> out = new LinkedHashMap<>();
        items.forEach((key, p) -> {
            if (kind != DataModel.FEATURES || p.availability().visibleTo(sdk)) {
                out.put(key, p.descriptor());
            }
        });
        return out;
    }

    private Map<String, Parsed> items(DataKind kind) {
        return kind == DataModel.FEATURES ? flags : kind == DataModel.SEGMENTS ? segments : Map.of();
    }

    private static Map<String, Parsed> parse(DataKind kind, Map<String, Item> items, Map<String, Parsed> previous) {
        Map<String, Parsed> out = new HashMap<>(items.size() * 2);
        for (Item item : items.values()) {
            Parsed before = previous.get(item.key());
            if (before != null && before.item().version() == item.version()
                    && before.item().deleted() == item.deleted()) { // LaunchDarkly's rule: same version, same item
                out.put(item.key(), before);
                continue;
            }
            if (item.deleted()) {
                out.put(item.key(), new Parsed(item, ItemDescriptor.deletedItem((int) item.version()), Availability.NONE));
                continue;
            }
            try {
                out.put(item.key(), new Parsed(item, kind.deserialize(item.jsonString()),
                        kind == DataModel.FEATURES ? Availability.of(item) : Availability.NONE));
            } catch (RuntimeException e) {
                LOG.warn("Skipping malformed {} {} (version {}) for evaluation: {}", kind.getName(), item.key(),
                        item.version(), e.getMessage());
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
