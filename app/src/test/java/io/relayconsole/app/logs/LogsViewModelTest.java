package io.relayconsole.app.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogsViewModelTest {
    private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void levelFilterShowsThatLevelAndAbove() {
        LogsViewModel model = new LogsViewModel(100);
        model.add(List.of(entry(0, LogLevel.DEBUG, "noise"), entry(1, LogLevel.INFO, "started"),
                entry(2, LogLevel.ERROR, "store failed")));
        assertThat(messages(model)).containsExactly("started", "store failed");
        model.minimumLevelProperty().set(LogLevel.WARN);
        assertThat(messages(model)).containsExactly("store failed");
        model.minimumLevelProperty().set(LogLevel.TRACE);
        assertThat(messages(model)).containsExactly("noise", "started", "store failed");
    }

    @Test
    void searchMatchesMessageOrLoggerIgnoringCase() {
        LogsViewModel model = new LogsViewModel(100);
        model.add(List.of(entry(0, LogLevel.INFO, "Relay listening"), entry(1, LogLevel.WARN, "Store down")));
        model.searchProperty().set("STORE");
        assertThat(messages(model)).containsExactly("Store down");
        model.searchProperty().set("io.relayconsole.test");
        assertThat(messages(model)).hasSize(2);
    }

    @Test
    void keepsOnlyTheNewestEntries() {
        LogsViewModel model = new LogsViewModel(3);
        model.add(List.of(entry(0, LogLevel.INFO, "a"), entry(1, LogLevel.INFO, "b")));
        model.add(List.of(entry(2, LogLevel.INFO, "c"), entry(3, LogLevel.INFO, "d")));
        assertThat(messages(model)).containsExactly("b", "c", "d");
    }

    @Test
    void copiedTextHasOneFormattedLinePerEntry() {
        String text = LogsViewModel.asText(List.of(entry(0, LogLevel.WARN, "Store down")));
        assertThat(text).endsWith("WARN  Logs - Store down").doesNotContain("\n");
    }

    @Test
    void aStackTraceShowsAsOneLineWithItsLength() {
        LogEntry e = new LogEntry(0, T, LogLevel.ERROR, "x", "main", "boom\njava.lang.X\n\tat a.b(C.java:1)");
        assertThat(e.summary()).isEqualTo("boom  (+2 lines, copy to see all)");
        assertThat(LogsViewModel.asText(List.of(e))).contains("\tat a.b(C.java:1)");
    }

    @Test
    void bufferHandsOutWhatTheReaderHasNotSeenAndForgetsTheOldest() {
        LogBuffer buffer = new LogBuffer(3);
        for (int i = 0; i < 5; i++) {
            buffer.append(T, LogLevel.INFO, "x", "main", "m" + i);
        }
        assertThat(buffer.since(0)).extracting(LogEntry::message).containsExactly("m2", "m3", "m4");
        assertThat(buffer.since(4)).extracting(LogEntry::message).containsExactly("m4");
        assertThat(buffer.since(5)).isEmpty();
    }

    private static LogEntry entry(long seq, LogLevel level, String message) {
        return new LogEntry(seq, T, level, "io.relayconsole.test.Logs", "main", message);
    }

    private static List<String> messages(LogsViewModel model) {
        return model.visible().stream().map(LogEntry::message).toList();
    }
}
