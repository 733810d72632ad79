package io.relayconsole.workspace;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One environment's workspace file as the console shows it: whether the served data is saved, when it was last
 * saved and reloaded, and the last error (null when the file is good). Times are null until it happens.
 */
public record FileStatus(String environment, Path file, boolean saved, Instant lastSaved, Instant lastReload,
                         String lastError) {
}
