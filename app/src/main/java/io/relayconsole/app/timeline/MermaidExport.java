package io.relayconsole.app.timeline;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.ui.Clipboards;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Copies Mermaid text to the clipboard or saves it to a file the user picks; the write is off the FX thread. */
public final class MermaidExport {
    private final ConsoleContext context;
    private final Consumer<String> report;

    /** {@code report} receives the outcome in words, on the FX thread. */
    public MermaidExport(ConsoleContext context, Consumer<String> report) {
        this.context = context;
        this.report = report;
    }

    public void copy(String mermaid) {
        Clipboards.copy(mermaid);
        report.accept("\u2714 Copied the Mermaid sequenceDiagram (" + lines(mermaid) + " lines) to the clipboard");
    }

    /** Asks where to save (FX thread), then writes there. */
    public void save(Window owner, String suggestedName, String mermaid) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the sequence diagram as Mermaid");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Mermaid", "*.mmd", "*.md", "*.txt"));
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            saveTo(file.toPath(), mermaid);
        }
    }

    /** Writes {@code mermaid} to {@code file} on the console's command thread and reports the outcome. */
    public void saveTo(Path file, String mermaid) {
        context.run(() -> {
            try {
                Files.writeString(file, mermaid, StandardCharsets.UTF_8);
                return "\u2714 Saved " + lines(mermaid) + " lines to " + file;
            } catch (IOException e) {
                throw new UncheckedIOException("could not save " + file + ": " + e.getMessage(), e);
            }
        }, report, error -> report.accept("\u2716 " + error.getMessage()));
    }

    private static long lines(String text) {
        return text.lines().count();
    }
}
