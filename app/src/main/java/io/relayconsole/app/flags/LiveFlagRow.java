package io.relayconsole.app.flags;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One line of the flags table that stays in the table across refreshes: a refresh that changes a flag sets its
 * {@link #row()} and only that line's cells redraw, instead of a list change that makes the table redraw every
 * visible cell. The key and kind never change. FX thread.
 */
public final class LiveFlagRow {
    private final ReadOnlyObjectWrapper<FlagRow> row;

    LiveFlagRow(FlagRow row) {
        this.row = new ReadOnlyObjectWrapper<>(row);
    }

    public FlagRow row() {
        return row.get();
    }

    public ReadOnlyObjectProperty<FlagRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    void set(FlagRow newRow) {
        row.set(newRow);
    }
}
