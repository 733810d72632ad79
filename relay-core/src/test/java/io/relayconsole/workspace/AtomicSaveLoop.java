package io.relayconsole.workspace;

import java.nio.file.Path;

/** Run in a child JVM by {@link WorkspaceFilesTest}: saves two large versions of a file, alternately, until killed. */
public final class AtomicSaveLoop {
    private AtomicSaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        byte[][] versions = {WorkspaceFilesTest.bigFile('a'), WorkspaceFilesTest.bigFile('b')};
        System.out.println("saving");
        System.out.flush();
        for (int i = 0; ; i++) {
            AtomicFiles.write(file, versions[i % 2]);
        }
    }
}
