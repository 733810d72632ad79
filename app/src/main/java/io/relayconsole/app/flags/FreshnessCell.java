package io.relayconsole.app.flags;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Freshness as a bar of the TTL left, with an icon and the words, so it never depends on colour alone. */
final class FreshnessCell extends TableCell<FlagRow, Freshness> {
    private final ProgressBar bar = new ProgressBar();
    private final Label text = new Label();
    private final HBox box = new HBox(6, bar, text);

    FreshnessCell() {
        bar.setPrefWidth(70);
        bar.setMinWidth(50);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(Freshness freshness, boolean empty) {
        super.updateItem(freshness, empty);
        if (empty || freshness == null) {
            setGraphic(null);
            return;
        }
        bar.setProgress(freshness.remaining());
        bar.getStyleClass().removeIf(c -> c.startsWith("freshness-"));
        bar.getStyleClass().add("freshness-" + freshness.level().name().toLowerCase());
        text.setText(freshness.text());
        text.setGraphic(new FontIcon(switch (freshness.level()) {
            case FRESH -> Material2AL.CHECK_CIRCLE_OUTLINE;
            case EXPIRED -> Material2AL.ACCESS_TIME;
            case FOREVER -> Material2AL.ALL_INCLUSIVE;
            case NO_CACHE -> Material2MZ.NOT_INTERESTED;
            case IN_MEMORY -> Material2MZ.MEMORY;
        }));
        setGraphic(box);
    }
}
