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
            change(env -> describe(env.toggle(key)), true);
        }
    }

    public void saveVariations() {
        String key = model.selectedFlagProperty().get();
        if (key == null) {
            return;
        }
        VariationEdit edit;
        try {
            edit = VariationEdit.parse(model.variationsProperty().get(), model.fallthroughProperty().get(),
                    model.offProperty().get());
        } catch (IllegalArgumentException e) {
            model.messageProperty().set("\u2716 " + e.getMessage());
            return;
        }
        VariationEdit loaded = model.loaded();
        if (edit.sameAs(loaded)) {
            model.messageProperty().set("Nothing to save: the fields show what " + key + " holds");
            return;
        }
        change(env -> {
            Item flag = env.flag(key).orElseThrow(() -> new IllegalArgumentException("no flag \"" + key + "\""));
            return describe(env.put(DataKind.FEATURES, edit.applyChangesTo(parse(flag), loaded)));
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
        change(env -> {
            if (env.flag(key).isPresent()) {
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
        change(env -> {
            if (env.segment(key).isPresent()) {
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
            change(env -> env.delete(kind, key) ? "Deleted " + key + "; SDKs no longer see it" : key + " was already gone",
                    false);
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

    private void change(Function<SimulatedEnvironment, String> edit, boolean reload) {
        Optional<SimulatedEnvironment> env = Engine.simulatedEnvironment(context);
        if (env.isEmpty()) {
            model.messageProperty().set("The relay does not use the built-in upstream: there is nothing to edit.");
            return;
        }
        context.run(() -> edit.apply(env.get()), text -> {
            model.messageProperty().set("\u2714 " + text);
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
