package io.relayconsole.app.logs;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Logs screen's state: the latest entries (bounded), the level and text filters, and whether the view
 * follows new entries. New entries arrive in one batch per tick.
 */
public final class LogsViewModel {
    private final int capacity;
    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<LogEntry> visible = new FilteredList<>(entries);
    private final ObjectProperty<LogLevel> minimumLevel = new SimpleObjectProperty<>(LogLevel.INFO);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty follow = new SimpleBooleanProperty(true);

    public LogsViewModel(int capacity) {
        this.capacity = capacity;
        minimumLevel.addListener((obs, o, n) -> refilter());
        search.addListener((obs, o, n) -> refilter());
        refilter();
    }

    public LogsViewModel() {
        this(LogBuffer.CAPACITY);
    }

    /** Appends a tick's entries and drops the oldest beyond capacity, each in one list change. */
    public void add(List<LogEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<LogEntry> tail = batch.size() > capacity ? batch.subList(batch.size() - capacity, batch.size()) : batch;
        int overflow = entries.size() + tail.size() - capacity;
        if (overflow > 0) {
            entries.remove(0, overflow);
        }
        entries.addAll(tail);
    }

    public void clear() {
        entries.clear();
    }

    private void refilter() {
        LogLevel min = minimumLevel.get() == null ? LogLevel.TRACE : minimumLevel.get();
        String text = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        visible.setPredicate(e -> e.level().atLeast(min) && (text.isEmpty() || e.mentions(text)));
    }

    /** The lines as copied to the clipboard, one per entry. */
    public static String asText(List<LogEntry> selection) {
        return selection.stream().map(LogEntry::format).collect(Collectors.joining(System.lineSeparator()));
    }

    /** Entries that pass the filters, oldest first. */
    public ObservableList<LogEntry> visible() {
        return visible;
    }

    public ObservableList<LogEntry> entries() {
        return entries;
    }

    public ObjectProperty<LogLevel> minimumLevelProperty() {
        return minimumLevel;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty followProperty() {
        return follow;
    }
}
