package io.relayconsole.offline;

/** An ld-relay archive that cannot be used: corrupt, unsafe, too large, or not in ld-relay's layout. */
public final class ArchiveException extends Exception {
    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
