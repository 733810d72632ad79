package io.relayconsole.app.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The window header: the health banner (icon, word and reason, so status never rests on colour alone), the
 * environment selector, the SDK port, and the theme and help buttons.
 */
public final class HeaderView extends HBox {
    private static final String[] LEVEL_CLASSES = {"health-starting", "health-healthy", "health-degraded",
            "health-down"};
    private final ComboBox<String> environment = new ComboBox<>();
    private final Button themeButton = new Button();
    private final Button helpButton = new Button(null, new FontIcon(Material2AL.HELP_OUTLINE));

    public HeaderView(HeaderModel model) {
        FontIcon icon = new FontIcon();
        icon.getStyleClass().add("health-icon");
        Label headline = new Label();
        headline.getStyleClass().add("health-headline");
        headline.setId("health-headline");
        Label reason = new Label();
        reason.getStyleClass().add("health-reason");
        reason.setId("health-reason");
        reason.setWrapText(true);
        VBox words = new VBox(0, headline, reason);
        HBox banner = new HBox(10, icon, words);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("health-banner");
        banner.setId("health-banner");
        Tooltip bannerTip = new Tooltip();
        Tooltip.install(banner, bannerTip);
        HBox.setHgrow(banner, Priority.ALWAYS);
        banner.setMaxWidth(Double.MAX_VALUE);
        model.healthProperty().subscribe(health -> {
            icon.setIconCode(iconFor(health.level()));
            headline.setText(health.headline());
            reason.setText(health.reason());
            banner.getStyleClass().removeAll(LEVEL_CLASSES);
            banner.getStyleClass().add(LEVEL_CLASSES[health.level().ordinal()]);
            bannerTip.setText(health.headline() + ": " + health.reason());
        });

        Label envLabel = new Label("Environment");
        environment.setItems(model.environments());
        environment.setId("environment-selector");
        environment.setPrefWidth(170);
        Label port = new Label();
        port.setId("sdk-port");
        port.getStyleClass().add("sdk-port");
        port.setGraphic(new FontIcon(Material2MZ.SETTINGS_ETHERNET));
        port.textProperty().bind(model.portProperty());
        themeButton.setId("theme-toggle");
        themeButton.getStyleClass().add("flat");
        helpButton.setId("help-button");
        helpButton.getStyleClass().add("flat");
        helpButton.setTooltip(new Tooltip("Keyboard shortcuts (F1)"));
        Label title = new Label("Relay Console", new FontIcon(Material2AL.DEVICE_HUB));
        title.getStyleClass().add("app-title");

        HBox controls = new HBox(8, envLabel, environment, port, themeButton, helpButton);
        controls.setAlignment(Pos.CENTER_RIGHT);
        controls.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().setAll(title, banner, controls);
        setSpacing(14);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));
        getStyleClass().add("console-header");
    }

    public ComboBox<String> environmentSelector() {
        return environment;
    }

    public Button themeButton() {
        return themeButton;
    }

    public Button helpButton() {
        return helpButton;
    }

    private static Ikon iconFor(Health.Level level) {
        return switch (level) {
            case STARTING -> Material2MZ.SCHEDULE;
            case HEALTHY -> Material2AL.CHECK_CIRCLE;
            case DEGRADED -> Material2MZ.WARNING;
            case DOWN -> Material2AL.ERROR;
        };
    }
}
