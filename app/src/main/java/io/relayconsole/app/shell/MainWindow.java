package io.relayconsole.app.shell;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** The console's frame: a header on top, the screens listed on the left, the chosen screen in the middle. */
public final class MainWindow extends BorderPane {
    private final StackPane content = new StackPane();
    private final ListView<Screen> navigation = new ListView<>();
    private Screen current;

    public MainWindow(javafx.scene.Node header, List<Screen> screens) {
        navigation.getItems().setAll(screens);
        navigation.setPrefWidth(190);
        navigation.setId("navigation");
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Screen screen, boolean empty) {
                super.updateItem(screen, empty);
                setText(empty || screen == null ? null : screen.title());
                setGraphic(empty || screen == null ? null : new FontIcon(screen.icon()));
            }
        });
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, screen) -> show(screen));
        navigation.getStyleClass().add("navigation");
        setTop(header);
        setLeft(navigation);
        setCenter(content);
        BorderPane.setMargin(content, new Insets(8));
        if (!screens.isEmpty()) {
            navigation.getSelectionModel().select(0);
        }
    }

    /** Shows the screen at {@code index} (0-based), e.g. from a keyboard shortcut. */
    public void select(int index) {
        if (index >= 0 && index < navigation.getItems().size()) {
            navigation.getSelectionModel().select(index);
        }
    }

    public List<Screen> screens() {
        return List.copyOf(navigation.getItems());
    }

    public Screen current() {
        return current;
    }

    private void show(Screen screen) {
        if (screen == null || screen == current) {
            return;
        }
        if (current != null) {
            current.hidden();
        }
        current = screen;
        content.getChildren().setAll(screen.view());
        screen.shown();
    }
}
