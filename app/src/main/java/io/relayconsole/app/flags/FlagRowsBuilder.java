package io.relayconsole.app.flags;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.DroppedItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the table rows of one environment from what the relay knows (the store's known data and
 * the cache's freshness: no store I/O). Runs off the FX thread. A flag's on/off is read from its JSON once per
 * version, so refreshing 10,000 flags does not parse 10,000 documents each time.
 */
public final class FlagRowsBuilder {
    private record OnState(long version, Boolean on) {
    }

    private final LastChangeTracker lastChanges;
    private final Map<String, OnState> onStates = new ConcurrentHashMap<>();

    public FlagRowsBuilder(LastChangeTracker lastChanges) {
        this.lastChanges = lastChanges;
    }

    public List<FlagRow> build(RelayEnvironment env) {
        FullDataSet data = env.store().knownData();
        if (data == null) {
            return List.of();
        }
        Map<String, DroppedItem> dropped = droppedItems(env.store().backend());
        List<FlagRow> rows = new ArrayList<>(data.flags().size() + data.segments().size());
        for (DataKind kind : List.of(DataKind.FEATURES, DataKind.SEGMENTS)) {
            for (Item item : data.get(kind).values()) {
                if (item.deleted()) {
                    continue;
                }
                DroppedItem drop = dropped.get(kind.namespace() + "/" + item.key());
                rows.add(new FlagRow(kind, item.key(), item.version(),
                        kind == DataKind.FEATURES ? isOn(env.name(), item) : null,
                        lastChanges.lastChange(env.name(), kind, item.key(), item.version()),
                        Freshness.of(env.store().freshness(kind, item.key())),
                        drop == null ? null : describe(drop), item));
            }
        }
        return rows;
    }

    private Boolean isOn(String environment, Item flag) {
        String id = environment + '\u0000' + flag.key();
        OnState known = onStates.get(id);
        if (known != null && known.version() == flag.version()) {
            return known.on();
        }
        Boolean on;
        try {
            JsonNode node = Json.mapper().readTree(flag.json());
            on = node.path("on").asBoolean(false);
        } catch (IOException e) {
            on = null; // unreadable JSON shows as neither on nor off
        }
        onStates.put(id, new OnState(flag.version(), on));
        return on;
    }

    private static Map<String, DroppedItem> droppedItems(DataStore raw) {
        Map<String, DroppedItem> byId = new HashMap<>();
        for (DroppedItem d : raw.droppedItems()) {
            byId.put(d.kind().namespace() + "/" + d.key(), d);
        }
        return byId;
    }

    private static String describe(DroppedItem d) {
        return "not in DynamoDB: version " + d.version() + " is " + (d.estimatedSize() / 1024)
                + " KB, over the 400 KB item limit";
    }
}
