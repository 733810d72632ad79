package io.relayconsole.app.testing;

import io.relayconsole.app.ui.PngWriter;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.Image;

/** Writes a JavaFX image as PNG without the javafx-swing module (the console's own writer). */
public final class Pngs {

    private Pngs() {
    }

    public static void write(Image image, Path file) throws IOException {
        PngWriter.write(image, file);
    }
}
