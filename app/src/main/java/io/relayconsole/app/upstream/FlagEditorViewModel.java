package io.relayconsole.app.upstream;

import com.fasterxml.jackson.databind.JsonNode;
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
    private final StringProperty newFlagKey = new SimpleStringProperty("");
    private final ObjectProperty<FlagTemplate> template = new SimpleObjectProperty<>(FlagTemplate.BOOLEAN);
    private final StringProperty newSegmentKey = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    // What edit() showed, so a save writes only the fields the developer changed.
    private VariationEdit loaded;

    /** Updates the lists (only when they changed, so a selection survives). */
    public void items(List<String> flags, List<String> segments) {
        available.set(true);
        if (!flags.equals(flagKeys)) {
            flagKeys.setAll(flags);
        }
        if (!segments.equals(segmentKeys)) {
            segmentKeys.setAll(segments);
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
            loaded = null;
            return;
        }
        try {
            JsonNode node = Json.mapper().readTree(flag.json());
            flagSummary.set(flag.key() + ": version " + flag.version() + ", " + (node.path("on").asBoolean() ? "on" : "off")
                    + (node.path("fallthrough").has("rollout") ? ", fallthrough is a percentage rollout" : ""));
            variations.set(Json.mapper().writeValueAsString(node.path("variations")));
            fallthrough.set(VariationEdit.fallthroughText(node.path("fallthrough")));
            off.set(node.path("offVariation").isInt() ? node.path("offVariation").asText() : "");
            loaded = parseOrNull(variations.get(), fallthrough.get(), off.get());
        } catch (IOException e) {
            flagSummary.set(flag.key() + ": unreadable JSON");
        }
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
