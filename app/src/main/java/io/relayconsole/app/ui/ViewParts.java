package io.relayconsole.app.ui;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Small view pieces the flags, store, upstream and controls screens share. */
public final class ViewParts {
    private ViewParts() {
    }

    /** A titled block; a badge marks demo controls. Shared with the Store and Upstream screens. */
    public static VBox section(String title, String badge, Node body) {
        Label heading = new Label(title);
        heading.getStyleClass().add("title-4");
        HBox header = new HBox(8, heading);
        header.setAlignment(Pos.CENTER_LEFT);
        if (badge != null) {
            Label demo = new Label("Demo control: breaks things on purpose", new FontIcon(Material2MZ.SCIENCE));
            demo.getStyleClass().add("demo-badge");
            header.getChildren().add(demo);
        }
        VBox box = new VBox(8, header, body);
        box.getStyleClass().add(badge != null ? "demo-section" : "controls-section");
        box.setPadding(new Insets(10));
        return box;
    }

    /** A wrapping label that shows {@code text}; {@code id} (may be null) is for tests. */
    public static Label label(ObservableValue<String> text, String id) {
        Label label = new Label();
        label.setWrapText(true);
        label.textProperty().bind(text);
        if (id != null) {
            label.setId(id);
        }
        return label;
    }
}
