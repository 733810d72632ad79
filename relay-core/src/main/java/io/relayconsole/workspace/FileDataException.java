package io.relayconsole.workspace;

import java.nio.file.Path;

/**
 * A workspace or file-data file that cannot be used, with where and what: {@code flags.yaml:12:3: ...} for a
 * syntax error, {@code flags.json: flags.my-flag: ...} for a wrong shape. The last good data keeps serving.
 */
public final class FileDataException extends Exception {
    private final Path file;

    public FileDataException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public FileDataException(Path file, String message) {
        this(file, message, null);
    }

    public Path file() {
        return file;
    }
}
