package io.relayconsole.app.scenarios;

import io.relayconsole.app.overview.TopologyPane;
import io.relayconsole.app.timeline.DiagramImage;
import io.relayconsole.app.timeline.DiagramModel;
import io.relayconsole.app.timeline.MermaidExport;
import io.relayconsole.app.timeline.SequenceDiagramView;
import io.relayconsole.demo.Scenario;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The four scenarios, run controls and progress, the verdict, and the expected diagram beside the observed one. */
public final class ScenariosView extends BorderPane {
    private final ScenariosViewModel model;
    private final DiagramImage image;

    public ScenariosView(ScenariosViewModel model, ScenariosController controller, MermaidExport export,
                         DiagramImage image) {
        this.model = model;
        this.image = image;
        ListView<Scenario> list = new ListView<>(model.scenarios());
        list.setId("scenario-list");
        list.setFixedCellSize(30);
        list.setPrefHeight(30 * model.scenarios().size() + 4);
        list.setPrefWidth(390);
        list.setMinWidth(390);
        list.setCellFactory(v -> new ScenarioCell(model));
        list.getSelectionModel().select(0);
        model.shownProperty().addListener((o, a, s) -> list.getSelectionModel().select(s)); // Run all moves on
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null && !model.runningProperty().get()) {
                model.show(s);
            }
        });

        ComboBox<String> store = new ComboBox<>(model.backendChoices());
        store.setId("scenario-store");
        store.valueProperty().bindBidirectional(model.backendChoiceProperty());
        store.disableProperty().bind(model.runningProperty());
        Button run = new Button("Run", new FontIcon(Material2MZ.PLAY_ARROW));
        run.setId("scenario-run");
        run.setOnAction(e -> controller.run(list.getSelectionModel().getSelectedItem()));
        run.disableProperty().bind(model.runningProperty().or(list.getSelectionModel().selectedItemProperty().isNull()));
        Button runAll = new Button("Run all", new FontIcon(Material2MZ.PLAYLIST_PLAY));
        runAll.setId("scenario-run-all");
        runAll.setOnAction(e -> controller.runAll());
        runAll.disableProperty().bind(model.runningProperty());
        Button cancel = new Button("Cancel", new FontIcon(Material2AL.CANCEL));
        cancel.setId("scenario-cancel");
        cancel.setOnAction(e -> controller.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        Button copy = new Button("Copy observed Mermaid", new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("scenario-copy");
        copy.setOnAction(e -> export.copy(model.observedMermaid()));
        Button save = new Button("Save…", new FontIcon(Material2MZ.SAVE_ALT));
        save.setId("scenario-save");
        save.setOnAction(e -> export.save(getScene().getWindow(), model.observedFileName(), model.observedMermaid()));
        copy.disableProperty().bind(model.verdictProperty().map(v -> model.observedMermaid() == null).orElse(true));
        save.disableProperty().bind(copy.disableProperty());
        Button saveImage = new Button("Save image\u2026", new FontIcon(Material2AL.IMAGE));
        saveImage.setId("scenario-save-image");
        saveImage.setOnAction(e -> image.save(getScene().getWindow(), model.observedImageName(), model.observed()));
        saveImage.disableProperty().bind(copy.disableProperty());

        ComboBox<String> pace = new ComboBox<>(model.paceChoices());
        pace.setId("scenario-pace");
        pace.valueProperty().bindBidirectional(model.paceChoiceProperty());
        pace.disableProperty().bind(model.runningProperty());
        Button present = new Button("Present", new FontIcon(Material2MZ.SLIDESHOW));
        present.setId("scenario-present");
        present.setOnAction(e -> controller.present(list.getSelectionModel().getSelectedItem()));
        present.disableProperty().bind(run.disableProperty());
        Label explanation = new Label();
        explanation.setId("scenario-explanation");
        explanation.getStyleClass().add("scenario-explanation");
        explanation.setWrapText(true);
        explanation.textProperty().bind(model.explanationProperty());
        explanation.visibleProperty().bind(model.explanationProperty().isNotEmpty());
        explanation.managedProperty().bind(explanation.visibleProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.runningProperty());
        Label action = new Label();
        action.setId("scenario-action");
        action.textProperty().bind(model.actionProperty());
        HBox progress = new HBox(8, spinner, action);
        progress.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Each scenario runs its own relay, built-in upstream, database and demo SDKs; this "
                + "console's relay is not touched. Run shortens the waits (TTL 3 s, initTimeout 2.5 s); Present "
                + "plays at the chosen pace, highlights each step as it happens and ends with what it showed.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        // The presenter's topology needs the room more than the presenter needs the explanation of the buttons.
        hint.visibleProperty().bind(model.topologyShownProperty().not());
        hint.managedProperty().bind(hint.visibleProperty());
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());

        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 8, store, run, runAll, cancel,
                present, pace, copy, save, saveImage);
        VBox controls = new VBox(8, buttons, progress, verdict(model), explanation, message, hint);
        HBox.setHgrow(controls, Priority.ALWAYS);
        HBox top = new HBox(12, list, controls);
        top.setPadding(new Insets(0, 0, 8, 0));

        SequenceDiagramView observed = diagram(model.observed(), "observed");
        // A presenter's current step must stay in the audience's view however long the diagram grows.
        model.presentingProperty().subscribe(observed::setFollow);
        SplitPane diagrams = new SplitPane(
                titled("Expected: the document's diagram", diagram(model.expected(), "expected")),
                titled("Observed: what the relay did", observed));
        // Above both diagrams while presenting and after, so the presenter never switches screens.
        TopologyPane topology = TopologyPane.presented(model.topology());
        topology.setId("scenario-topology");
        topology.visibleProperty().bind(model.topologyShownProperty());
        topology.managedProperty().bind(topology.visibleProperty());
        VBox center = new VBox(4, topology, diagrams);
        VBox.setVgrow(diagrams, Priority.ALWAYS);
        setTop(top);
        setCenter(center);
    }

    /** Writes the observed diagram as a PNG to {@code file} (what "Save image…" does once a file is chosen). */
    public void saveImageTo(java.nio.file.Path file) {
        image.saveTo(file, model.observed(), getScene().getStylesheets());
    }

    private static Node verdict(ScenariosViewModel model) {
        Label headline = new Label();
        headline.setId("scenario-verdict");
        headline.getStyleClass().add("scenario-verdict");
        Label differences = new Label();
        differences.setId("scenario-differences");
        differences.setWrapText(true);
        differences.getStyleClass().add("scenario-differences");
        Runnable update = () -> {
            ScenarioVerdict v = model.verdictProperty().get();
            headline.getStyleClass().removeAll("verdict-matches", "verdict-differs", "verdict-other");
            if (v == null) {
                // While it runs there is no verdict yet; "not run yet" would contradict the diagram filling in.
                headline.setText(model.runningProperty().get()
                        ? "Running: the verdict comes when the scenario ends."
                        : "Not run yet: press Run to replay this diagram against a real relay.");
                headline.setGraphic(new FontIcon(Material2AL.INFO));
                headline.getStyleClass().add("verdict-other");
                differences.setText("");
                return;
            }
            headline.setText(v.headline());
            headline.setGraphic(new FontIcon(switch (v.outcome()) {
                case MATCHES -> Material2AL.CHECK_CIRCLE;
                case DIFFERS, FAILED -> Material2AL.ERROR_OUTLINE;
                case CANCELLED -> Material2AL.CANCEL;
            }));
            headline.getStyleClass().add(v.matches() ? "verdict-matches"
                    : v.outcome() == ScenarioVerdict.Outcome.CANCELLED ? "verdict-other" : "verdict-differs");
            List<String> lines = v.differences().isEmpty()
                    ? v.tolerated().stream().map(t -> "tolerated: " + t).toList() : v.differences();
            differences.setText(lines.isEmpty() ? "" : "\u2022 " + String.join("\n\u2022 ", lines));
        };
        model.verdictProperty().subscribe(v -> update.run());
        model.runningProperty().subscribe(r -> update.run());
        return new VBox(4, headline, differences);
    }

    private static SequenceDiagramView diagram(DiagramModel diagram, String id) {
        SequenceDiagramView view = new SequenceDiagramView(diagram, "Run the scenario to see what the relay draws.");
        view.setId("scenario-" + id);
        return view;
    }

    private static Node titled(String title, SequenceDiagramView view) {
        Label heading = new Label(title);
        heading.getStyleClass().add("title-4");
        VBox box = new VBox(6, heading, view);
        VBox.setVgrow(view, Priority.ALWAYS);
        box.setPadding(new Insets(4));
        return box;
    }

    /** A scenario with its last verdict, as icon and word. */
    private static final class ScenarioCell extends ListCell<Scenario> {
        private final ScenariosViewModel model;

        ScenarioCell(ScenariosViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(Scenario s, boolean empty) {
            super.updateItem(s, empty);
            getStyleClass().removeAll("verdict-matches", "verdict-differs");
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            ScenarioVerdict v = model.verdictFor(s);
            setText(ScenariosViewModel.title(s) + (v == null ? "" : "  \u2014  " + v.outcome().name().toLowerCase()));
            setGraphic(new FontIcon(v == null ? Material2MZ.PLAY_CIRCLE_OUTLINE
                    : v.matches() ? Material2AL.CHECK_CIRCLE : Material2AL.ERROR_OUTLINE));
            if (v != null && v.outcome() != ScenarioVerdict.Outcome.CANCELLED) {
                getStyleClass().add(v.matches() ? "verdict-matches" : "verdict-differs");
            }
        }
    }
}
