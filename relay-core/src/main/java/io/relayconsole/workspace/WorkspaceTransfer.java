package io.relayconsole.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.offline.ArchiveEnvironment;
import io.relayconsole.offline.ArchiveException;
import io.relayconsole.offline.ArchiveReader;
import io.relayconsole.offline.ArchiveWriter;
import io.relayconsole.offline.OfflineArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moving data in and out of a workspace: import an ld-relay archive or file-data files, export as file-data files
 * or as an archive ld-relay loads, and snapshot any environment's current data (e.g. staging through a real
 * upstream) so a developer starts locally from the team's real flags. Each answers in words what it did.
 */
public final class WorkspaceTransfer {
    private final Workspace workspace;

    public WorkspaceTransfer(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Metadata an exported archive carries for one environment (ld-relay serves by these keys). */
    public record EnvironmentIdentity(String name, String envId, String sdkKey, String mobileKey) {
    }

    /**
     * Each workspace environment takes the archive environment with its SDK key, ID or name; or, with one of
     * each, the only one. Environments with no match are left as they are and named in the answer.
     */
    public String importArchive(Path archive, List<EnvironmentIdentity> identities) throws IOException,
            ArchiveException {
        OfflineArchive read = new ArchiveReader().read(archive);
        List<String> done = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (EnvironmentIdentity id : identities) {
            ArchiveEnvironment match = match(read, id);
            if (match == null) {
                unmatched.add(id.name());
                continue;
            }
            workspace.replace(id.name(), fromDataSet(match.data()));
            done.add(id.name() + " \u2190 " + match.displayName());
        }
        return "Imported " + archive.getFileName() + ": " + (done.isEmpty() ? "nothing" : String.join(", ", done))
                + (unmatched.isEmpty() ? "" : "; no archive environment for " + String.join(", ", unmatched));
    }

    /** Replaces an environment's data with a file-data file (JSON or YAML). */
    public String importFileData(String environment, Path file) throws IOException, FileDataException {
        FileData data = FileDataFormat.read(file);
        workspace.replace(environment, data);
        return "Imported " + file.getFileName() + " into " + environment + ": " + data.allFlags().size() + " flags, "
                + data.segments().size() + " segments";
    }

    /** Writes every environment as {@code <folder>/<name>.json} (or {@code .yaml} with {@code yaml}). */
    public String exportFileData(Path folder, boolean yaml) throws IOException {
        Files.createDirectories(folder);
        List<String> written = new ArrayList<>();
        for (String env : workspace.environments()) {
            Path file = folder.resolve(env.replaceAll("[^A-Za-z0-9._-]", "_") + (yaml ? ".yaml" : ".json"));
            FileDataFormat.write(file, workspace.data(env));
            written.add(file.getFileName().toString());
        }
        return "Exported " + String.join(", ", written) + " to " + folder;
    }

    /** Writes every environment into one ld-relay archive ({@code .tar.gz}), atomically. */
    public String exportArchive(Path archive, List<EnvironmentIdentity> identities) throws IOException {
        List<ArchiveEnvironment> environments = new ArrayList<>();
        for (EnvironmentIdentity id : identities) {
            FullDataSet data = workspace.simulated(id.name()).data();
            environments.add(new ArchiveEnvironment(id.envId() == null ? id.name() : id.envId(), id.name(),
                    id.name(), null, null, id.sdkKey(), id.mobileKey(), 1, null, live(data)));
        }
        AtomicFiles.write(archive, ArchiveWriter.write(environments));
        return "Exported " + environments.size() + " environment(s) to " + archive;
    }

    /** Puts another environment's current data (flags and segments as served) into a workspace environment. */
    public String snapshot(String into, String from, FullDataSet data) throws IOException {
        FileData fileData = fromDataSet(data);
        workspace.replace(into, fileData);
        return "Snapshot of " + from + " saved into " + into + ": " + fileData.flags().size() + " flags, "
                + fileData.segments().size() + " segments";
    }

    /**
     * Without a workspace open (a relay on a real upstream): writes the environment's current data as
     * {@code <folder>/<name>.json}, a workspace folder the built-in upstream can then serve.
     */
    public static String snapshotToFolder(Path folder, String from, FullDataSet data) throws IOException {
        Files.createDirectories(folder);
        Path file = Workspace.fileFor(folder, from);
        FileData fileData = fromDataSet(data);
        FileDataFormat.write(file, fileData);
        return "Snapshot of " + from + " saved to " + file + ": " + fileData.flags().size() + " flags, "
                + fileData.segments().size() + " segments";
    }

    private static ArchiveEnvironment match(OfflineArchive archive, EnvironmentIdentity id) {
        for (ArchiveEnvironment env : archive.environments().values()) {
            if (env.sdkKey().equals(id.sdkKey()) || env.envId().equals(id.envId()) || env.envId().equals(id.name())
                    || id.name().equals(env.envKey())) {
                return env;
            }
        }
        return archive.environments().size() == 1 ? archive.environments().values().iterator().next() : null;
    }

    /** Live items only: a tombstone means nothing in a file. */
    static FileData fromDataSet(FullDataSet data) {
        Map<String, ObjectNode> flags = new LinkedHashMap<>();
        Map<String, ObjectNode> segments = new LinkedHashMap<>();
        for (Item item : data.get(DataKind.FEATURES).values()) {
            if (!item.deleted()) {
                flags.put(item.key(), EnvironmentFile.forFile(item));
            }
        }
        for (Item item : data.get(DataKind.SEGMENTS).values()) {
            if (!item.deleted()) {
                segments.put(item.key(), EnvironmentFile.forFile(item));
            }
        }
        return new FileData(flags, Map.of(), segments);
    }

    private static FullDataSet live(FullDataSet data) {
        Map<String, Item> flags = new LinkedHashMap<>();
        Map<String, Item> segments = new LinkedHashMap<>();
        data.flags().values().stream().filter(i -> !i.deleted()).forEach(i -> flags.put(i.key(), i));
        data.segments().values().stream().filter(i -> !i.deleted()).forEach(i -> segments.put(i.key(), i));
        return FullDataSet.of(flags, segments);
    }
}
