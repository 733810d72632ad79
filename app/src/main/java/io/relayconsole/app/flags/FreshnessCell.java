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
final class FreshnessCell extends TableCell<LiveFlagRow, Freshness> {
    private final ProgressBar bar = new ProgressBar();
    private final Label text = new Label();
    private final HBox box = new HBox(6, bar, text);
    private final FontIcon icon = new FontIcon(Material2MZ.MEMORY);
    private Freshness.Level level;

    FreshnessCell() {
        bar.setPrefWidth(70);
        bar.setMinWidth(50);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        text.setGraphic(icon);
    }

    @Override
    protected void updateItem(Freshness freshness, boolean empty) {
        super.updateItem(freshness, empty);
        // The graphic stays set and is hidden when empty: the table empties and refills its cells on every
        // refresh, and taking the bar out of the scene and back costs a CSS pass of the bar each time.
        setGraphic(box);
        if (empty || freshness == null) {
            box.setVisible(false);
            return;
        }
        box.setVisible(true);
        bar.setProgress(freshness.remaining());
        text.setText(freshness.text());
        // Cells are reused as the table scrolls and refreshes: restyle only when the level changes, and keep
        // one icon node (a new node or style class costs a CSS pass on every refresh).
        if (freshness.level() != level) {
            level = freshness.level();
            bar.getStyleClass().removeIf(c -> c.startsWith("freshness-"));
            bar.getStyleClass().add("freshness-" + level.name().toLowerCase());
            icon.setIconCode(switch (level) {
                case FRESH -> Material2AL.CHECK_CIRCLE_OUTLINE;
                case EXPIRED -> Material2AL.ACCESS_TIME;
                case FOREVER -> Material2AL.ALL_INCLUSIVE;
                case NO_CACHE -> Material2MZ.NOT_INTERESTED;
                case IN_MEMORY -> Material2MZ.MEMORY;
            });
        }
    }
}
