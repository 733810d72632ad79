package io.relayconsole.app.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class FlagsViewModelTest {
    private static final Freshness IN_MEMORY = Freshness.of(null);

    private static FlagRow row(String key, long version, boolean on) {
        Item item = Item.of(key, version, false, ("{\"key\":\"" + key + "\",\"version\":" + version + ",\"on\":" + on
                + "}").getBytes(StandardCharsets.UTF_8));
        return new FlagRow(DataKind.FEATURES, key, version, on, null, IN_MEMORY, null, item);
    }

    private static List<FlagRow> rows(int count) {
        List<FlagRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row("flag-" + i, 1, false));
        }
        return rows;
    }

    @Test
    void aRefreshWithOneChangedFlagUpdatesThatLineWithoutChangingTheList() {
        FlagsViewModel model = new FlagsViewModel();
        List<FlagRow> first = rows(100);
        model.apply(first);
        LiveFlagRow line42 = model.visibleRows().get(42);
        List<FlagRow> second = new ArrayList<>(first);
        second.set(42, row("flag-42", 2, true));
        List<String> listChanges = new ArrayList<>();
        model.visibleRows().addListener((ListChangeListener<LiveFlagRow>) c -> listChanges.add(c.toString()));
        List<FlagRow> lineChanges = new ArrayList<>();
        model.visibleRows().forEach(l -> l.rowProperty().addListener((o, a, b) -> lineChanges.add(b)));

        model.apply(second);

        assertThat(model.visibleRows().get(42)).isSameAs(line42);
        assertThat(line42.row().version()).isEqualTo(2);
        assertThat(line42.row().onLabel()).isEqualTo("on");
        assertThat(model.visibleRows().get(41).row()).isSameAs(first.get(41));
        assertThat(lineChanges).extracting(FlagRow::key).containsExactly("flag-42");
        assertThat(listChanges).isEmpty();
    }

    @Test
    void aRefreshWithOtherItemsReplacesTheRows() {
        FlagsViewModel model = new FlagsViewModel();
        model.apply(rows(3));
        List<FlagRow> other = List.of(row("a", 1, true), row("b", 1, true), row("c", 1, true));

        model.apply(other);

        assertThat(model.visibleRows()).extracting(l -> l.row().key()).containsExactly("a", "b", "c");
        assertThat(model.summaryProperty().get()).startsWith("3 flag(s)");
    }

    @Test
    void theSelectionFollowsItsFlagToTheChangedRow() {
        FlagsViewModel model = new FlagsViewModel();
        List<FlagRow> first = rows(10);
        model.apply(first);
        model.select(first.get(3));
        List<FlagRow> second = new ArrayList<>(first);
        second.set(3, row("flag-3", 5, true));

        model.apply(second);

        assertThat(model.selectedProperty().get().version()).isEqualTo(5);
        assertThat(model.detailsProperty().get()).contains("\"version\"");
    }
}
