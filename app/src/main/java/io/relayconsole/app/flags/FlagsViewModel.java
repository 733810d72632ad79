package io.relayconsole.app.flags;

import io.relayconsole.model.DataKind;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The flags and segments screen's state: rows, search, kind filter, and the selected item's JSON. FX thread. */
public final class FlagsViewModel {
    public enum KindFilter {
        ALL("Flags and segments"), FLAGS("Flags"), SEGMENTS("Segments");

        private final String label;

        KindFilter(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObservableList<LiveFlagRow> rows = FXCollections.observableArrayList();
    private final FilteredList<LiveFlagRow> visible = new FilteredList<>(rows);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<KindFilter> kind = new SimpleObjectProperty<>(KindFilter.ALL);
    private final ReadOnlyObjectWrapper<FlagRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Waiting for the relay…");

    public FlagsViewModel() {
        search.addListener((obs, old, text) -> refilter());
        kind.addListener((obs, old, k) -> refilter());
        selected.addListener((obs, old, row) -> {
            // Re-render the JSON only when the item itself changed, not on every refresh of its freshness.
            if (row == null || old == null || row.item() != old.item()) {
                details.set(row == null ? "" : JsonText.pretty(row.item()));
            }
        });
    }

    /**
     * Brings the rows up to date; the selection follows its item to the new row. When the same items are listed
     * in the same order (the usual refresh), each changed line is updated in place and the list itself does not
     * change, so the table redraws just those cells; otherwise the lines are replaced in one list change.
     */
    public void apply(List<FlagRow> newRows) {
        if (!updateInPlace(newRows)) {
            rows.setAll(newRows.stream().map(LiveFlagRow::new).toList());
        }
        FlagRow current = selected.get();
        if (current != null) {
            selected.set(newRows.stream().filter(r -> r.kind() == current.kind() && r.key().equals(current.key()))
                    .findFirst().orElse(null));
        }
        long flags = newRows.stream().filter(r -> r.kind() == DataKind.FEATURES).count();
        long dropped = newRows.stream().filter(r -> r.dropped() != null).count();
        summary.set(flags + " flag(s), " + (newRows.size() - flags) + " segment(s)"
                + (dropped > 0 ? " · " + dropped + " not stored (too large)" : ""));
    }

    private boolean updateInPlace(List<FlagRow> newRows) {
        if (newRows.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < newRows.size(); i++) {
            FlagRow old = rows.get(i).row();
            FlagRow now = newRows.get(i);
            if (old.kind() != now.kind() || !old.key().equals(now.key())) {
                return false;
            }
        }
        for (int i = 0; i < newRows.size(); i++) {
            LiveFlagRow line = rows.get(i);
            if (!sameDisplay(line.row(), newRows.get(i))) {
                line.set(newRows.get(i));
            }
        }
        return true;
    }

    /** Whether the table would draw both rows alike (the item compared by identity: the JSON is not drawn). */
    private static boolean sameDisplay(FlagRow a, FlagRow b) {
        return a.item() == b.item() && a.version() == b.version() && java.util.Objects.equals(a.on(), b.on())
                && java.util.Objects.equals(a.lastChange(), b.lastChange())
                && a.freshness().equals(b.freshness()) && java.util.Objects.equals(a.dropped(), b.dropped());
    }

    /** Shown instead of rows when there is no environment or no data yet. */
    public void empty(String why) {
        rows.clear();
        selected.set(null);
        summary.set(why);
    }

    public void select(FlagRow row) {
        selected.set(row);
    }

    private void refilter() {
        String needle = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        KindFilter k = kind.get();
        // Kind and key of a line never change in place, so filtering on them stays right across refreshes.
        visible.setPredicate(line -> (k == KindFilter.ALL
                || (k == KindFilter.FLAGS) == (line.row().kind() == DataKind.FEATURES))
                && (needle.isEmpty() || line.row().key().toLowerCase(Locale.ROOT).contains(needle)));
    }

    public ObservableList<LiveFlagRow> visibleRows() {
        return visible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<KindFilter> kindProperty() {
        return kind;
    }

    public ReadOnlyObjectProperty<FlagRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
