package io.relayconsole.app.flags;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import java.time.Instant;

/**
 * One line of the flags and segments table. {@code on} is null for segments; {@code lastChange} is null when
 * the console has not seen the item change; {@code dropped} holds why a store could not keep it, or null.
 */
public record FlagRow(DataKind kind, String key, long version, Boolean on, Instant lastChange, Freshness freshness,
                      String dropped, Item item) {

    public String kindLabel() {
        return kind == DataKind.FEATURES ? "flag" : "segment";
    }

    public String onLabel() {
        return on == null ? "" : on ? "on" : "off";
    }
}
