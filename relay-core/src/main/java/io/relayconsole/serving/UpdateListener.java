package io.relayconsole.serving;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;

/**
 * Receives every change an environment gets from upstream, whether or not the store accepted it (SDKs do
 * their own version checks, and a relay sharing a database with others must not swallow updates). Called
 * on the data source's thread: must not block.
 */
public interface UpdateListener {

    void onFullData(FullDataSet data);

    /** A changed item, or a tombstone for a deletion. */
    void onItem(DataKind kind, Item item);
}
