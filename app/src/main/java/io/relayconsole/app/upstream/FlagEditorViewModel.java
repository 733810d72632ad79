package io.relayconsole.app.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import java.io.IOException;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The built-in upstream's flag editor: the item lists and the fields of the flag being edited. FX thread. */
public final class FlagEditorViewModel {
    private final BooleanProperty available = new SimpleBooleanProperty();
    private final ObservableList<String> flagKeys = FXCollections.observableArrayList();
    private final ObservableList<String> segmentKeys = FXCollections.observableArrayList();
    private final StringProperty selectedFlag = new SimpleStringProperty();
    private final StringProperty selectedSegment = new SimpleStringProperty();
    private final StringProperty flagSummary = new SimpleStringProperty("");
    private final StringProperty variations = new SimpleStringProperty("");
    private final StringProperty fallthrough = new SimpleStringProperty("");
    private final StringProperty off = new SimpleStringProperty("");
    private final StringProperty targets = new SimpleStringProperty("");
    private final StringProperty rules = new SimpleStringProperty("");
    private final StringProperty prerequisites = new SimpleStringProperty("");
    private final StringProperty diff = new SimpleStringProperty("");
    private final BooleanProperty undoable = new SimpleBooleanProperty();
    private final StringProperty undoText = new SimpleStringProperty("Undo");
    private final StringProperty newFlagKey = new SimpleStringProperty("");
    private final ObjectProperty<FlagTemplate> template = new SimpleObjectProperty<>(FlagTemplate.BOOLEAN);
    private final StringProperty newSegmentKey = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    // What edit() showed, so a save writes only the fields the developer changed.
    private VariationEdit loaded;
    private TargetingEdit loadedTargeting;
    private ObjectNode saved;

    public FlagEditorViewModel() {
        for (StringProperty field : List.of(variations, fallthrough, off, targets, rules, prerequisites)) {
            field.addListener((obs, old, now) -> updateDiff());
        }
    }

    /** Updates the lists (only when they changed, so a selection survives). */
    public void items(List<String> flags, List<String> segments) {
        available.set(true);
        update(flagKeys, flags);
        update(segmentKeys, segments);
    }

    /**
     * Removes and inserts only what changed, so a list's selection stays on its item (a replaced list would keep
     * the selected index instead, and the editor would jump to another flag).
     */
    private static void update(ObservableList<String> list, List<String> wanted) {
        if (wanted.equals(list)) {
            return;
        }
        list.retainAll(wanted);
        for (int i = 0; i < wanted.size(); i++) {
            if (i >= list.size() || !list.get(i).equals(wanted.get(i))) {
                if (list.contains(wanted.get(i))) {
                    list.setAll(wanted); // reordered: no way to keep the selection
                    return;
                }
                list.add(i, wanted.get(i));
            }
        }
    }

    public void unavailable() {
        available.set(false);
        flagKeys.clear();
        segmentKeys.clear();
    }

    /** Fills the edit fields from a flag (on selection and after a save; never while the user types). */
    public void edit(Item flag) {
        if (flag == null) {
            flagSummary.set("");
            variations.set("");
            fallthrough.set("");
            off.set("");
            targets.set("");
            rules.set("");
            prerequisites.set("");
            loaded = null;
            loadedTargeting = null;
            saved = null;
            diff.set("");
            return;
        }
        saved = null; // no diff while the fields are being filled
        try {
            JsonNode node = Json.mapper().readTree(flag.json());
            flagSummary.set(flag.key() + ": version " + flag.version() + ", " + (node.path("on").asBoolean() ? "on" : "off")
                    + (node.path("fallthrough").has("rollout") ? ", fallthrough is a percentage rollout" : ""));
            variations.set(Json.mapper().writeValueAsString(node.path("variations")));
            fallthrough.set(VariationEdit.fallthroughText(node.path("fallthrough")));
            off.set(node.path("offVariation").isInt() ? node.path("offVariation").asText() : "");
            targets.set(TargetingEdit.text(node.path("targets")));
            rules.set(TargetingEdit.text(node.path("rules")));
            prerequisites.set(TargetingEdit.text(node.path("prerequisites")));
            loaded = parseOrNull(variations.get(), fallthrough.get(), off.get());
            loadedTargeting = targetingOrNull(node.path("variations").size(), flag.key());
            saved = node instanceof ObjectNode object ? object : null;
            updateDiff();
        } catch (IOException e) {
            flagSummary.set(flag.key() + ": unreadable JSON");
        }
    }

    /**
     * The flag as a save would write it: {@code flag} (what the environment holds now) with only the fields the
     * developer changed replaced. Throws {@link IllegalArgumentException} naming the field when one is invalid.
     */
    public ObjectNode edited(ObjectNode flag) {
        return edits().applyTo(flag);
    }

    /** The fields, checked, with what was loaded: taken on the FX thread, applied on the engine lane. */
    public Edits edits() {
        VariationEdit variationEdit = VariationEdit.parse(variations.get(), fallthrough.get(), off.get());
        TargetingEdit targeting = TargetingEdit.parse(targets.get(), rules.get(), prerequisites.get(),
                variationEdit.variations().size(), List.copyOf(flagKeys), selectedFlag.get());
        return new Edits(variationEdit, loaded, targeting, loadedTargeting);
    }

    /** Immutable: safe to hand to another thread. */
    public record Edits(VariationEdit variations, VariationEdit loadedVariations, TargetingEdit targeting,
                        TargetingEdit loadedTargeting) {
        public ObjectNode applyTo(ObjectNode flag) {
            return targeting.applyChangesTo(variations.applyChangesTo(flag, loadedVariations), loadedTargeting);
        }
    }

    /** Whether a save would change nothing: the fields show what the flag holds. */
    public boolean unchanged() {
        return saved != null && edited(saved).equals(saved);
    }

    private void updateDiff() {
        if (saved == null) {
            diff.set("");
            return;
        }
        try {
            diff.set(FlagDiff.of(saved, edited(saved)));
        } catch (IllegalArgumentException e) {
            diff.set("\u2716 " + e.getMessage());
        }
    }

    private TargetingEdit targetingOrNull(int variationCount, String key) {
        try {
            return TargetingEdit.parse(targets.get(), rules.get(), prerequisites.get(), variationCount, flagKeys, key);
        } catch (IllegalArgumentException e) {
            return null; // a flag whose targeting the editor cannot check: written as typed, as loaded above
        }
    }

    /** Undo of the last change: its button text, enabled while there is one. */
    public void undo(String description) {
        undoable.set(description != null);
        undoText.set(description == null ? "Undo" : "Undo " + description);
    }

    /** The fields as the editor loaded them; null when nothing (or an unreadable flag) is loaded. */
    public VariationEdit loaded() {
        return loaded;
    }

    private static VariationEdit parseOrNull(String variations, String fallthrough, String off) {
        try {
            return VariationEdit.parse(variations, fallthrough, off);
        } catch (IllegalArgumentException e) {
            return null; // a flag the editor cannot represent: a save then writes every field as typed
        }
    }

    public BooleanProperty availableProperty() {
        return available;
    }

    public ObservableList<String> flagKeys() {
        return flagKeys;
    }

    public ObservableList<String> segmentKeys() {
        return segmentKeys;
    }

    public StringProperty selectedFlagProperty() {
        return selectedFlag;
    }

    public StringProperty selectedSegmentProperty() {
        return selectedSegment;
    }

    public StringProperty flagSummaryProperty() {
        return flagSummary;
    }

    public StringProperty variationsProperty() {
        return variations;
    }

    public StringProperty fallthroughProperty() {
        return fallthrough;
    }

    public StringProperty offProperty() {
        return off;
    }

    public StringProperty targetsProperty() {
        return targets;
    }

    public StringProperty rulesProperty() {
        return rules;
    }

    public StringProperty prerequisitesProperty() {
        return prerequisites;
    }

    /** Unsaved against saved, field by field ("- rules: ..." / "+ rules: ..."); empty when nothing changed. */
    public StringProperty diffProperty() {
        return diff;
    }

    public BooleanProperty undoableProperty() {
        return undoable;
    }

    public StringProperty undoTextProperty() {
        return undoText;
    }

    public StringProperty newFlagKeyProperty() {
        return newFlagKey;
    }

    public ObjectProperty<FlagTemplate> templateProperty() {
        return template;
    }

    public StringProperty newSegmentKeyProperty() {
        return newSegmentKey;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
