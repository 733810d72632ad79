package io.relayconsole.offline;

/**
 * How much an archive may inflate to, so a decompression bomb is refused instead of filling memory:
 * ld-relay caps each file at 200 MB; the whole archive is capped too.
 */
public record ArchiveLimits(long maxEntryBytes, long maxTotalBytes) {
    public static final ArchiveLimits LD_RELAY = new ArchiveLimits(200L * 1000 * 1000, 1024L * 1024 * 1024);

    public ArchiveLimits {
        if (maxEntryBytes <= 0 || maxTotalBytes <= 0) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }
}
