package io.relayconsole.app.workspace;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for a path (FX thread: the dialog is modal; what is done with the path runs off it). An interface
 * so the UI tests answer in place of the platform's dialogs, which no robot can drive.
 */
@FunctionalInterface
public interface WorkspaceChooser {

    /** What is being asked for; the title says why. */
    enum Ask {
        OPEN_FOLDER("Open a workspace folder (one file per environment; an empty folder is filled from the current data)"),
        OPEN_FILE("Open a workspace file (every environment serves it)"),
        NEW_FILE("Create a workspace file from the current data"),
        IMPORT_ARCHIVE("Import an ld-relay archive"),
        IMPORT_FILE("Import a file-data file into the selected environment"),
        EXPORT_FOLDER("Export the workspace as file-data files into a folder"),
        EXPORT_ARCHIVE("Export the workspace as an ld-relay archive"),
        SNAPSHOT_FOLDER("Snapshot the environment into a workspace folder");

        private final String title;

        Ask(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    Optional<Path> choose(Ask ask, Window owner);

    /** The platform's file and folder dialogs. */
    static WorkspaceChooser dialogs() {
        return (ask, owner) -> {
            File chosen = switch (ask) {
                case OPEN_FOLDER, EXPORT_FOLDER, SNAPSHOT_FOLDER -> folder(ask).showDialog(owner);
                case OPEN_FILE -> file(ask, "File data", "*.json", "*.yaml", "*.yml").showOpenDialog(owner);
                case IMPORT_FILE -> file(ask, "File data", "*.json", "*.yaml", "*.yml").showOpenDialog(owner);
                case IMPORT_ARCHIVE -> file(ask, "ld-relay archive", "*.tar.gz", "*.tgz", "*.tar").showOpenDialog(owner);
                case NEW_FILE -> named(file(ask, "File data", "*.json", "*.yaml", "*.yml"), "flags.json")
                        .showSaveDialog(owner);
                case EXPORT_ARCHIVE -> named(file(ask, "ld-relay archive", "*.tar.gz"), "relay-archive.tar.gz")
                        .showSaveDialog(owner);
            };
            return Optional.ofNullable(chosen).map(File::toPath);
        };
    }

    private static DirectoryChooser folder(Ask ask) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(ask.title());
        return chooser;
    }

    private static FileChooser file(Ask ask, String kind, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(ask.title());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, patterns));
        return chooser;
    }

    private static FileChooser named(FileChooser chooser, String name) {
        chooser.setInitialFileName(name);
        return chooser;
    }
}
