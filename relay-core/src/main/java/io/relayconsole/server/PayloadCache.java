package io.relayconsole.server;

import io.relayconsole.model.FullDataSet;

/**
 * The payloads of an environment's current data version. The in-memory store returns the same
 * {@link FullDataSet} instance until something changes, so identity is the version key; a store that
 * builds a new instance per read still gets correct (just not shared) payloads.
 */
final class PayloadCache {
    private volatile DataVersionPayloads current;

    DataVersionPayloads forData(FullDataSet data) {
        DataVersionPayloads c = current;
        if (c != null && c.data() == data) {
            return c;
        }
        synchronized (this) {
            c = current;
            if (c == null || c.data() != data) {
                c = new DataVersionPayloads(data);
                current = c;
            }
            return c;
        }
    }
}
