package io.relayconsole.app.timeline;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.ui.PngWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * A drawn diagram as a PNG for slides: every row (not only those scrolled into view), drawn by the same
 * {@link RowGraphic}s and header as on screen, with the console's stylesheets, at a fixed width. The snapshot is
 * taken on the FX thread; the file is encoded and written on the console's command thread.
 */
public final class DiagramImage {
    /** Wide enough for five participants' labels, narrow enough for a slide. */
    public static final double WIDTH = 1000;

    private final ConsoleContext context;
    private final Consumer<String> report;

    /** {@code report} receives the outcome in words, on the FX thread. */
    public DiagramImage(ConsoleContext context, Consumer<String> report) {
        this.context = context;
        this.report = report;
    }

    /** Draws every row of {@code model} offscreen. FX thread. */
    public static WritableImage render(DiagramModel model, List<String> stylesheets) {
        LaneHeader header = new LaneHeader(model.layoutProperty(), new SimpleDoubleProperty(WIDTH));
        VBox page = new VBox(header);
        page.getStyleClass().addAll("sequence-diagram", "diagram-image");
        for (TimelineRow row : model.rows()) {
            RowGraphic graphic = new RowGraphic();
            graphic.setPrefWidth(WIDTH);
            graphic.show(row, model.layoutProperty().get());
            page.getChildren().add(graphic);
        }
        Scene scene = new Scene(page, WIDTH, -1);
        scene.getStylesheets().setAll(stylesheets);
        page.applyCss();
        page.layout();
        return page.snapshot(null, null);
    }

    /** Asks where to save (FX thread), then renders and writes there. */
    public void save(Window owner, String suggestedName, DiagramModel model) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the sequence diagram as an image");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            saveTo(file.toPath(), model, owner.getScene().getStylesheets());
        }
    }

    /** Renders {@code model} now (FX thread) and writes the PNG on the command thread, reporting the outcome. */
    public void saveTo(Path file, DiagramModel model, List<String> stylesheets) {
        WritableImage image = render(model, stylesheets);
        context.run(() -> {
            try {
                PngWriter.write(image, file);
                return "\u2714 Saved a " + (int) image.getWidth() + "\u00d7" + (int) image.getHeight()
                        + " PNG to " + file;
            } catch (IOException e) {
                throw new UncheckedIOException("could not save " + file + ": " + e.getMessage(), e);
            }
        }, report, error -> report.accept("\u2716 " + error.getMessage()));
    }
}
