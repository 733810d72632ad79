package io.relayconsole.app.shell;

import io.relayconsole.app.ui.Clipboards;
import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches errors nobody handled, logs them, and shows them in a dialog whose details can be copied into a bug
 * report. While a dialog is open further errors are only logged, so a failing repaint cannot flood the screen.
 */
public final class ErrorReporter implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);
    private final Window owner;
    private boolean showing;

    private ErrorReporter(Window owner) {
        this.owner = owner;
    }

    public static void install(Window owner) {
        ErrorReporter reporter = new ErrorReporter(owner);
        Thread.setDefaultUncaughtExceptionHandler(reporter);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(reporter);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Unexpected error on thread {}", thread.getName(), error);
        if (Platform.isFxApplicationThread()) {
            show(error);
        } else {
            Platform.runLater(() -> show(error));
        }
    }

    private void show(Throwable error) {
        if (showing) {
            return;
        }
        showing = true;
        String details = details(error);
        TextArea text = new TextArea(details);
        text.setEditable(false);
        text.setPrefRowCount(14);
        text.setPrefColumnCount(80);
        text.setId("error-details");
        Button copy = new Button("Copy details");
        copy.setOnAction(e -> Clipboards.copy(details));
        Alert alert = new Alert(Alert.AlertType.ERROR, null, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Unexpected error");
        alert.setHeaderText("Something went wrong: " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : " - " + error.getMessage())
                + "\nThe console keeps running; the details below are also in the log.");
        alert.getDialogPane().setContent(new VBox(8, text, copy));
        alert.setOnHidden(e -> showing = false);
        alert.show();
    }

    static String details(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
