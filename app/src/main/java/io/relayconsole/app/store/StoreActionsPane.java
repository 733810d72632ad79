package io.relayconsole.app.store;

import io.relayconsole.app.shell.ConsoleContext;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The four store actions as buttons: each asks first, naming its effect, runs off the FX thread, and shows
 * its result. Used on the Controls screen and on the Store screen.
 */
public final class StoreActionsPane extends VBox {
    private final StoreActionCommands commands;
    private final Label result = new Label("No action run yet");

    public StoreActionsPane(ConsoleContext context) {
        super(8);
        this.commands = new StoreActionCommands(context);
        FlowPane buttons = new FlowPane(8, 8);
        for (StoreAction action : StoreAction.values()) {
            Button button = new Button(action.label(), new FontIcon(icon(action)));
            button.setId("action-" + action.name().toLowerCase());
            button.setOnAction(e -> confirmAndRun(action, button));
            buttons.getChildren().add(button);
        }
        result.setId("store-action-result");
        result.setWrapText(true);
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(buttons, result);
    }

    private static org.kordamp.ikonli.Ikon icon(StoreAction action) {
        return switch (action) {
            case RESYNC -> Material2MZ.SYNC;
            case REWRITE -> Material2MZ.SAVE;
            case RELOAD -> Material2MZ.REFRESH;
            case CLEAR -> Material2AL.DELETE_SWEEP;
        };
    }

    private void confirmAndRun(StoreAction action, Button button) {
        Optional<String> env = commands.selectedEnvironment();
        if (env.isEmpty()) {
            result.setText("No environment selected: the relay has not started yet.");
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, action.confirmation(env.get()),
                ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText(action.label());
        confirm.initOwner(getScene() == null ? null : getScene().getWindow());
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        button.setDisable(true);
        result.setText(action.label() + " on '" + env.get() + "'…");
        commands.run(action, text -> {
            button.setDisable(false);
            result.setText(text);
        });
    }
}
