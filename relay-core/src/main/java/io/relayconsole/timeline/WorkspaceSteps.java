package io.relayconsole.timeline;

import io.relayconsole.workspace.WorkspaceEvent;
import java.util.Optional;

/**
 * How the built-in upstream's workspace files are drawn: a reload from disk or a refused file is a note over the
 * upstream lane (the file is where that upstream's data comes from); the changes it streams follow as the usual
 * upstream arrows. Console saves are not drawn: the edit itself already is.
 */
final class WorkspaceSteps {
    private WorkspaceSteps() {
    }

    static Optional<String> of(WorkspaceEvent change) {
        String file = change.file().getFileName() == null ? change.file().toString()
                : change.file().getFileName().toString();
        return switch (change.kind()) {
            case RELOADED -> Optional.of("Workspace " + file + " reloaded");
            case FAILED -> Optional.of("Workspace " + file + " refused, last good data kept");
            case SAVED -> Optional.empty();
        };
    }
}
