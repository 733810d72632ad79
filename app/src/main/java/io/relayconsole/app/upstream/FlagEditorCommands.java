package io.relayconsole.app.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.Engine;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import io.relayconsole.simulator.SimulatedEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Edits the built-in upstream's copy of the selected environment. Each change gets a new version and streams
 * out at once to the relay (and from there to the SDKs); the message line says what happened.
 */
public final class FlagEditorCommands {
    private final ConsoleContext context;
    private final FlagEditorViewModel model;
    private Undo lastUndo; // FX thread

    public FlagEditorCommands(ConsoleContext context, FlagEditorViewModel model) {
        this.context = context;
        this.model = model;
    }

    /** Refreshes the lists from the simulator (in memory). */
    public void refresh() {
        Optional<SimulatedEnvironment> env = Engine.simulatedEnvironment(context);
        if (env.isEmpty()) {
            model.unavailable();
            return;
        }
        model.items(env.get().flags().stream().map(Item::key).toList(),
                env.get().segments().stream().map(Item::key).toList());
    }

    /** Loads the selected flag into the edit fields. */
    public void loadSelected() {
        String key = model.selectedFlagProperty().get();
        model.edit(key == null ? null : Engine.simulatedEnvironment(context).flatMap(e -> e.flag(key)).orElse(null));
    }

    public void toggle() {
        String key = model.selectedFlagProperty().get();
        if (key != null) {
            change(DataKind.FEATURES, key, "toggle of " + key, env -> describe(env.toggle(key)), true);
        }
    }

    /** Saves the edit fields; only what the developer changed is written (see {@link FlagEditorViewModel#edited}). */
    public void saveVariations() {
        String key = model.selectedFlagProperty().get();
        if (key == null) {
            return;
        }
        FlagEditorViewModel.Edits edits;
        try {
            if (model.unchanged()) {
                model.messageProperty().set("Nothing to save: the fields show what " + key + " holds");
                return;
            }
            edits = model.edits();
        } catch (IllegalArgumentException e) {
            model.messageProperty().set("\u2716 " + e.getMessage());
            return;
        }
        change(DataKind.FEATURES, key, "save of " + key, env -> {
            Item flag = env.flag(key).orElseThrow(() -> new IllegalArgumentException("no flag \"" + key + "\""));
            return describe(env.put(DataKind.FEATURES, edits.applyTo(parse(flag))));
        }, true);
    }

    /** A copy of the selected flag under the key typed for a new flag (targeting, rules and all). */
    public void duplicateFlag() {
        duplicate(DataKind.FEATURES, model.selectedFlagProperty().get(), model.newFlagKeyProperty());
    }

    /** A copy of the selected segment under the key typed for a new segment. */
    public void duplicateSegment() {
        duplicate(DataKind.SEGMENTS, model.selectedSegmentProperty().get(), model.newSegmentKeyProperty());
    }

    private void duplicate(DataKind kind, String from, javafx.beans.property.StringProperty newKey) {
        String what = kind == DataKind.FEATURES ? "flag" : "segment";
        String key = newKey.get() == null ? "" : newKey.get().trim();
        String problem = from == null ? "Select the " + what + " to duplicate" : keyProblem(key, what);
        if (problem != null) {
            model.messageProperty().set("\u2716 " + problem);
            return;
        }
        change(kind, key, "duplicate " + key, env -> {
            if (env.item(kind, key).filter(i -> !i.deleted()).isPresent()) {
                throw new IllegalArgumentException("a " + what + " \"" + key + "\" already exists");
            }
            Item source = env.item(kind, from).orElseThrow(() ->
                    new IllegalArgumentException("no " + what + " \"" + from + "\""));
            ObjectNode copy = parse(source);
            copy.put("key", key);
            copy.remove("version");
            Item added = env.put(kind, copy);
            return "Duplicated " + from + " as " + added.key() + " (version " + added.version() + ")";
        }, false);
        newKey.set("");
    }

    /** Puts back what the last change replaced (or removes what it created). */
    public void undo() {
        Undo last = lastUndo;
        if (last == null) {
            return;
        }
        change(last.kind(), last.key(), null, env -> {
            if (last.previous() == null) {
                env.delete(last.kind(), last.key());
                return "Undid the " + last.description() + ": " + last.key() + " removed again";
            }
            Item restored = env.put(last.kind(), last.previous());
            return "Undid the " + last.description() + ": " + describe(restored);
        }, true);
    }

    public void addFlag() {
        String key = model.newFlagKeyProperty().get() == null ? "" : model.newFlagKeyProperty().get().trim();
        FlagTemplate template = model.templateProperty().get();
        String problem = keyProblem(key, "flag");
        if (problem != null) {
            model.messageProperty().set("\u2716 " + problem);
            return;
        }
        change(DataKind.FEATURES, key, "add of " + key, env -> {
            if (env.flag(key).filter(i -> !i.deleted()).isPresent()) {
                throw new IllegalArgumentException("a flag \"" + key + "\" already exists");
            }
            Item added = env.putFlag(template.json(key));
            return "Added " + template + " flag " + describe(added);
        }, false);
        model.newFlagKeyProperty().set("");
    }

    public void addSegment() {
        String key = model.newSegmentKeyProperty().get() == null ? "" : model.newSegmentKeyProperty().get().trim();
        String problem = keyProblem(key, "segment");
        if (problem != null) {
            model.messageProperty().set("\u2716 " + problem);
            return;
        }
        change(DataKind.SEGMENTS, key, "add of " + key, env -> {
            if (env.segment(key).filter(i -> !i.deleted()).isPresent()) {
                throw new IllegalArgumentException("a segment \"" + key + "\" already exists");
            }
            Item added = env.putSegment("{\"key\":" + Json.quote(key) + "}");
            return "Added segment " + added.key() + " (version " + added.version() + ")";
        }, false);
        model.newSegmentKeyProperty().set("");
    }

    public void deleteFlag(String key) {
        delete(DataKind.FEATURES, key);
    }

    public void deleteSegment(String key) {
        delete(DataKind.SEGMENTS, key);
    }

    private void delete(DataKind kind, String key) {
        if (key != null) {
            change(kind, key, "delete of " + key, env -> env.delete(kind, key)
                    ? "Deleted " + key + "; SDKs no longer see it" : key + " was already gone", false);
        }
    }

    /** Keys go into URLs and store keys: keep them to letters, digits, dot, dash and underscore. */
    static String keyProblem(String key, String what) {
        if (key.isEmpty()) {
            return "Type a key for the new " + what;
        }
        return key.matches("[A-Za-z0-9._-]+") ? null
                : "A " + what + " key may contain only letters, digits, '.', '-' and '_'";
    }

    /** What the last change replaced: the item's JSON before it, or null when the change created it. */
    private record Undo(DataKind kind, String key, ObjectNode previous, String description) {
    }

    /**
     * Runs an edit on the engine lane. {@code undoAs} names it for Undo (null: the edit is an undo itself, after
     * which there is nothing left to undo); the item's state before it is captured on the same lane.
     */
    private void change(DataKind kind, String key, String undoAs, Function<SimulatedEnvironment, String> edit,
                        boolean reload) {
        Optional<SimulatedEnvironment> env = Engine.simulatedEnvironment(context);
        if (env.isEmpty()) {
            model.messageProperty().set("The relay does not use the built-in upstream: there is nothing to edit.");
            return;
        }
        Undo[] before = new Undo[1];
        context.run(() -> {
            ObjectNode previous = env.get().item(kind, key).filter(i -> !i.deleted()).map(FlagEditorCommands::parse)
                    .orElse(null);
            String text = edit.apply(env.get());
            before[0] = undoAs == null ? null : new Undo(kind, key, previous, undoAs);
            return text;
        }, text -> {
            model.messageProperty().set("\u2714 " + text);
            lastUndo = before[0];
            model.undo(lastUndo == null ? null : lastUndo.description());
            refresh();
            if (reload) {
                loadSelected();
            }
        }, error -> model.messageProperty().set("\u2716 " + error.getMessage()));
    }

    private static String describe(Item flag) {
        return flag.key() + " is now version " + flag.version();
    }

    private static ObjectNode parse(Item item) {
        try {
            return (ObjectNode) Json.mapper().readTree(item.json());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable flag JSON", e);
        }
    }
}
