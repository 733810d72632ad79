package io.relayconsole.app.scenarios;

import io.relayconsole.app.overview.PresentedTopology;
import io.relayconsole.app.overview.TopologyModel;
import io.relayconsole.app.timeline.DiagramModel;
import io.relayconsole.demo.Scenario;
import io.relayconsole.demo.ScenarioBackend;
import io.relayconsole.demo.ScenarioPace;
import io.relayconsole.demo.ScenarioResult;
import io.relayconsole.timeline.TimelineStep;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Scenarios screen's state: the four scenarios with their last verdicts, the one shown (expected diagram
 * beside the observed one, drawn alike), the running action, and the verdict. FX thread.
 */
public final class ScenariosViewModel {
    private static final int DIAGRAM_CAPACITY = 500;

    private final ObservableList<Scenario> scenarios = FXCollections.observableArrayList(Scenario.values());
    private final Map<Scenario, ScenarioVerdict> verdicts = new EnumMap<>(Scenario.class);
    private final Map<Scenario, ScenarioResult> results = new EnumMap<>(Scenario.class);
    private final ObjectProperty<ScenarioBackend> backend = new SimpleObjectProperty<>(ScenarioBackend.DEMO);
    private final ObservableList<String> backendChoices = FXCollections.observableArrayList(
            Arrays.stream(ScenarioBackend.values()).map(ScenariosViewModel::choice).toList());
    private final StringProperty backendChoice = new SimpleStringProperty(choice(ScenarioBackend.DEMO));
    private final ObjectProperty<Scenario> shown = new SimpleObjectProperty<>(Scenario.STORE_UP_WITH_TTL);
    private final DiagramModel expected = new DiagramModel(DIAGRAM_CAPACITY, true);
    private final DiagramModel observed = new DiagramModel(DIAGRAM_CAPACITY, true);
    private final ObjectProperty<ScenarioVerdict> verdict = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty action = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<String> paceChoices = FXCollections.observableArrayList(PACES.keySet());
    private final StringProperty paceChoice = new SimpleStringProperty(PACES.keySet().iterator().next());
    private final BooleanProperty presenting = new SimpleBooleanProperty();
    private final StringProperty explanation = new SimpleStringProperty("");
    private final PresentedTopology topology = new PresentedTopology();
    private final BooleanProperty topologyShown = new SimpleBooleanProperty();
    private Scenario presented;

    /** A presenter's speeds, as the choice beside Present words them. */
    private static final Map<String, ScenarioPace> PACES = new java.util.LinkedHashMap<>();

    static {
        PACES.put("at the document's durations (TTL 30 s)", ScenarioPace.DOCUMENT);
        PACES.put("2\u00d7 faster (TTL 15 s)", ScenarioPace.scaled(2));
        PACES.put("5\u00d7 faster (TTL 6 s)", ScenarioPace.scaled(5));
        PACES.put("10\u00d7 faster (TTL 3 s)", ScenarioPace.scaled(10));
    }

    public ScenariosViewModel() {
        backendChoice.subscribe(c -> Arrays.stream(ScenarioBackend.values()).filter(b -> choice(b).equals(c))
                .findFirst().ifPresent(backend::set));
        show(Scenario.STORE_UP_WITH_TTL);
    }

    /** Shows a scenario: the document's diagram, and the last run's observed diagram and verdict if any. */
    public void show(Scenario scenario) {
        shown.set(scenario);
        topologyShown.set(scenario == presented); // a presentation's topology stays with its scenario
        ScenarioResult r = results.get(scenario);
        ScenarioVerdict v = verdicts.get(scenario);
        expected.setAll(scenario.expectedDiagram().steps(), v == null ? Set.of() : v.markedExpected());
        observed.setAll(r == null ? List.of() : r.observed().steps(), v == null ? Set.of() : v.markedObserved(),
                v == null ? Set.of() : v.toleratedObserved());
        verdict.set(v);
    }

    /** A run begins: its observed diagram fills as the relay draws (the newest step highlighted when presenting). */
    public void started(Scenario scenario) {
        results.remove(scenario);
        verdicts.remove(scenario);
        explanation.set("");
        observed.setHighlightNewest(presenting.get());
        presented = presenting.get() ? scenario : null;
        topology.reset();
        show(scenario);
        running.set(true);
        action.set("Starting " + title(scenario) + "…");
    }

    /** A tick's worth of progress: the current action and the steps drawn since the last tick. */
    public void progress(String currentAction, List<TimelineStep> steps) {
        if (currentAction != null) {
            action.set(currentAction);
        }
        observed.append(steps);
        if (presenting.get()) {
            steps.forEach(topology::apply); // the tick's last step stays lit, as on the diagram
        }
    }

    public void finished(ScenarioResult result) {
        results.put(result.scenario(), result);
        record(ScenarioVerdict.of(result));
        if (presenting.get()) {
            explanation.set("What you just saw: " + result.scenario().explanation());
        }
    }

    /** A run that did not produce a result (cancelled or failed). */
    public void ended(ScenarioVerdict v) {
        record(v);
    }

    public void idle() {
        running.set(false);
        presenting.set(false);
        observed.setHighlightNewest(false);
        topology.clearHighlight();
        action.set("");
    }

    private void record(ScenarioVerdict v) {
        verdicts.put(v.scenario(), v);
        show(v.scenario());
        scenarios.setAll(Arrays.asList(Scenario.values())); // the list shows each scenario's latest verdict
    }

    /** The scenario's last verdict, or null before it ran. */
    public ScenarioVerdict verdictFor(Scenario scenario) {
        return verdicts.get(scenario);
    }

    /** The observed Mermaid of the shown scenario's last run; null before it ran. */
    public String observedMermaid() {
        ScenarioResult r = results.get(shown.get());
        return r == null ? null : r.observed().toMermaid();
    }

    public static String title(Scenario s) {
        return s.number() + ". " + s.title();
    }

    public ObservableList<Scenario> scenarios() {
        return scenarios;
    }

    /** What "Save…" suggests for the shown scenario's observed diagram. */
    public String observedFileName() {
        return "scenario-" + shown.get().number() + "-observed.mmd";
    }

    /** As the choice beside Run shows a database: "on Redis". */
    static String choice(ScenarioBackend b) {
        return "on " + b.label();
    }

    /** The pace a presenter's run plays at. */
    public ScenarioPace presenterPace() {
        return PACES.getOrDefault(paceChoice.get(), ScenarioPace.DOCUMENT);
    }

    public ObservableList<String> paceChoices() {
        return paceChoices;
    }

    public StringProperty paceChoiceProperty() {
        return paceChoice;
    }

    /** Whether the run in progress is a presenter's (slow, highlighted, ending with the explanation). */
    public BooleanProperty presentingProperty() {
        return presenting;
    }

    /** The topology of the presented scenario's relay, lit step by step while it plays. */
    public TopologyModel topology() {
        return topology.model();
    }

    /** Whether the shown scenario was the last one presented, so its topology is drawn beside the diagrams. */
    public BooleanProperty topologyShownProperty() {
        return topologyShown;
    }

    /** After a presenter's run: what the audience just saw, in plain words; empty otherwise. */
    public StringProperty explanationProperty() {
        return explanation;
    }

    /** What "Save image…" suggests for the shown scenario's observed diagram. */
    public String observedImageName() {
        return "scenario-" + shown.get().number() + "-observed.png";
    }

    public ObservableList<String> backendChoices() {
        return backendChoices;
    }

    public StringProperty backendChoiceProperty() {
        return backendChoice;
    }

    /** The database the next runs use. */
    public ObjectProperty<ScenarioBackend> backendProperty() {
        return backend;
    }

    public ObjectProperty<Scenario> shownProperty() {
        return shown;
    }

    public DiagramModel expected() {
        return expected;
    }

    public DiagramModel observed() {
        return observed;
    }

    public ObjectProperty<ScenarioVerdict> verdictProperty() {
        return verdict;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
