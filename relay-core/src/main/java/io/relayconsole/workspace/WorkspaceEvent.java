package io.relayconsole.workspace;

import java.nio.file.Path;
import java.time.Instant;

/** Something that happened to a workspace file: saved from the console, reloaded from disk, or refused. */
public record WorkspaceEvent(Kind kind, String environment, Path file, Instant time, String message) {

    public enum Kind { SAVED, RELOADED, FAILED }
}
